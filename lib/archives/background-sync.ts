// Keeps every connected site's archive history current without anyone pressing Refresh: each site is
// re-read about every STEPWISE_ARCHIVE_SYNC_HOURS, at its own due time (±15 % jitter, so a fleet
// added in one go drifts apart instead of syncing all at once), a few sites per pass. Called from
// every runner's loop; each due time is claimed by one process (lib/db/archive-sync-due.ts).
import { claimArchiveSync, dueArchiveSyncs } from '../db/archive-sync-due'
import { logger } from '../log'
import { archiveSyncIntervalMs, nextSyncDue } from './sync-plan'
import { syncSiteArchives } from './sync-archives'

export interface BackgroundSyncOptions {
  intervalMs?: number
  /** Sites one pass syncs at most (the rest wait for the next pass). */
  limit?: number
  rand?: () => number
  /** The sync itself; lib/archives/sync-archives.ts's syncSiteArchives by default. */
  sync?: (siteId: string) => Promise<unknown>
}

export interface BackgroundSyncSummary {
  synced: string[]
  failed: string[]
  /** Sites synced recently but never planned: given a due time spread over the interval instead. */
  planned: number
}

export async function syncDueArchives(now = new Date(), o: BackgroundSyncOptions = {}): Promise<BackgroundSyncSummary> {
  const intervalMs = o.intervalMs ?? archiveSyncIntervalMs()
  const out: BackgroundSyncSummary = { synced: [], failed: [], planned: 0 }
  if (intervalMs <= 0) return out
  const rand = o.rand ?? Math.random
  const sync = o.sync ?? syncSiteArchives
  for (const s of await dueArchiveSyncs(now, o.limit ?? 5)) {
    // A site synced within the interval but never planned (it predates the due column): spread its
    // first background sync over the interval rather than syncing the whole fleet on upgrade.
    if (
      s.archivesSyncDueAt === null &&
      s.archivesSyncedAt &&
      now.getTime() - s.archivesSyncedAt.getTime() < intervalMs
    ) {
      const due = new Date(s.archivesSyncedAt.getTime() + Math.round(intervalMs * rand()))
      if (await claimArchiveSync(s.id, null, due > now ? due : nextSyncDue(now.getTime(), intervalMs, rand)))
        out.planned++
      continue
    }
    if (!(await claimArchiveSync(s.id, s.archivesSyncDueAt, nextSyncDue(now.getTime(), intervalMs, rand)))) continue
    try {
      await sync(s.id)
      out.synced.push(s.id)
    } catch (e) {
      // Not retried before the next due time: an unreachable site is the stale/unreachable watch's news.
      out.failed.push(s.id)
      logger().warn({ siteId: s.id, err: e instanceof Error ? e.message : e }, 'background archive sync failed')
    }
  }
  if (out.synced.length || out.failed.length)
    logger().info({ synced: out.synced.length, failed: out.failed.length }, 'background archive sync')
  return out
}

/** The runner's onLoop hook: a pass at most every `everyMs`, in the background, never two at once. */
export function archiveSyncTicker(everyMs = 10_000): () => Promise<void> {
  let last = 0
  let busy = false
  return async () => {
    const t = Date.now()
    if (busy || t - last < everyMs || archiveSyncIntervalMs() <= 0) return
    busy = true
    last = t
    void syncDueArchives(new Date(t))
      .catch((e) => logger().error({ err: e }, 'background archive sync pass failed; trying again later'))
      .finally(() => {
        busy = false
      })
  }
}
