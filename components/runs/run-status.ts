// Small facts about run statuses used by the runs, run and overview views.
import { isActiveRunStatus } from '@/lib/domain/run-status'

export function isActive(status: string | null | undefined): boolean {
  return status != null && isActiveRunStatus(status)
}

export function isFailure(status: string | null | undefined): boolean {
  return status === 'failed' || status === 'timed_out'
}

const TRIGGER_LABELS: Record<string, string> = {
  manual: 'Manual',
  bulk: 'Bulk',
  schedule: 'Schedule',
  api: 'API',
  demo: 'Demo',
}

export const triggerLabel = (t: string) => TRIGGER_LABELS[t] ?? t

/** Run time so far or in total, ms; null before it started. */
export function runDurationMs(
  run: { startedAt: string | null; finishedAt: string | null },
  now: number,
): number | null {
  if (!run.startedAt) return null
  return (run.finishedAt ? Date.parse(run.finishedAt) : now) - Date.parse(run.startedAt)
}
