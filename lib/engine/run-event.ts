// The notification a tick's row update causes: a run that reached a terminal state is announced
// (lib/notify fans it out). Pure: the event is written by commitTick in the tick's own transaction.
import type { EventWrite } from '../db/notify-events'
import type { RunTickUpdate } from '../db/run-ticks'

export function runEventOf(
  run: { id: string; siteId: string; warningsCount: number },
  u: RunTickUpdate,
): EventWrite | null {
  const kind =
    u.status === 'succeeded'
      ? (u.warningsCount ?? run.warningsCount) > 0
        ? 'run.warnings'
        : 'run.succeeded'
      : u.status === 'failed'
        ? 'run.failed'
        : u.status === 'timed_out'
          ? 'run.timed_out'
          : null
  return kind ? { kind, siteId: run.siteId, runId: run.id, occurredAt: u.finishedAt } : null
}
