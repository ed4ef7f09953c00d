// When a site's archive list is next re-read in the background (see background-sync.ts).
import { config } from '../config'
import { planArchiveSync } from '../db/archive-sync-due'

const HOUR = 3_600_000

/** The configured interval in ms; 0 when the background sync is off. */
export function archiveSyncIntervalMs(): number {
  return config().STEPWISE_ARCHIVE_SYNC_HOURS * HOUR
}

/** The next due time after a sync at `now`: the interval, stretched or shrunk by up to 15 %. */
export function nextSyncDue(now: number, intervalMs: number, rand: () => number = Math.random): Date {
  return new Date(now + Math.round(intervalMs * (0.85 + 0.3 * rand())))
}

/** After a sync that happened anyway (add, re-check, run, Refresh): the background waits a full interval. */
export async function planNextSync(siteId: string, now = Date.now()): Promise<void> {
  const interval = archiveSyncIntervalMs()
  if (interval > 0) await planArchiveSync(siteId, nextSyncDue(now, interval))
}
