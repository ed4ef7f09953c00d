// Chart points from a site's runs and archives (pure, so it is tested without a browser).
import type { ArchiveDto } from '@/lib/domain/archives'
import type { RunDto } from '@/lib/domain/runs'

export interface DurationPoint {
  at: number
  minutes: number
  status: string
  runId: string
}

export interface SizePoint {
  at: number
  bytes: number
  name: string
}

/** Finished runs with a start and an end, oldest first. Cancelled runs are left out (not a real duration). */
export function durationPoints(runs: readonly RunDto[]): DurationPoint[] {
  return runs
    .filter((r) => r.startedAt && r.finishedAt && r.status !== 'cancelled')
    .map((r) => ({
      at: Date.parse(r.finishedAt!),
      minutes: (Date.parse(r.finishedAt!) - Date.parse(r.startedAt!)) / 60_000,
      status: r.status,
      runId: r.id,
    }))
    .filter((p) => Number.isFinite(p.at) && p.minutes >= 0)
    .sort((a, b) => a.at - b.at)
}

/** Complete archives with a size, oldest first. */
export function sizePoints(archives: readonly ArchiveDto[]): SizePoint[] {
  return archives
    .filter((a) => a.status === 'complete' && a.totalSize > 0 && (a.backupEnd ?? a.backupStart))
    .map((a) => ({ at: Date.parse((a.backupEnd ?? a.backupStart)!), bytes: a.totalSize, name: a.archiveName }))
    .sort((a, b) => a.at - b.at)
}
