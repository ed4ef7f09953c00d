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

/** The moment the run header names: when it finished, else when it started, else when it was queued. */
export function runMoment(run: {
  status: string
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}): { verb: 'finished' | 'stopped' | 'started' | 'queued'; at: string } {
  if (run.finishedAt) return { verb: run.status === 'succeeded' ? 'finished' : 'stopped', at: run.finishedAt }
  if (run.startedAt && run.status !== 'queued') return { verb: 'started', at: run.startedAt }
  return { verb: 'queued', at: run.createdAt }
}

/**
 * The durations the estimate is built on: this site's own successful runs; without any, the fleet's
 * typical duration for this backup type ('' = the profile's default type); else nothing (then the
 * page shows progress only).
 */
export function estimateBasis(
  pastDurationsMs: readonly number[],
  fleetTypicalMs: Readonly<Record<string, number>>,
  backupType: string | null,
): { durations: readonly number[]; source: 'site' | 'fleet' | null } {
  if (pastDurationsMs.some((d) => d > 0)) return { durations: pastDurationsMs, source: 'site' }
  const fleet = fleetTypicalMs[backupType ?? '']
  if (fleet && fleet > 0) return { durations: [fleet], source: 'fleet' }
  return { durations: [], source: null }
}
