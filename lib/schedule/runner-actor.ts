// Who the audit trail and a schedule's changedBy name for what the runner does on its own: fires,
// skips, misses and run-once schedules disabling themselves.
export const RUNNER_ACTOR = 'stepwise'
