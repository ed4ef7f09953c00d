// The run statuses, once. lib, components and app all import them from here.

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

/** Waiting for or holding a runner: at most one such run per site. */
export const ACTIVE_RUN_STATUSES = ['queued', 'running'] as const satisfies readonly RunStatus[]
export type ActiveRunStatus = (typeof ACTIVE_RUN_STATUSES)[number]

export const TERMINAL_RUN_STATUSES = [
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
] as const satisfies readonly RunStatus[]
export type TerminalRunStatus = (typeof TERMINAL_RUN_STATUSES)[number]

/** Finished runs that say something about a site's backups (a cancelled run says nothing). */
export const OUTCOME_RUN_STATUSES = ['succeeded', 'failed', 'timed_out'] as const satisfies readonly RunStatus[]

export function isRunStatus(s: string): s is RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(s)
}

export function isActiveRunStatus(s: string): s is ActiveRunStatus {
  return (ACTIVE_RUN_STATUSES as readonly string[]).includes(s)
}
