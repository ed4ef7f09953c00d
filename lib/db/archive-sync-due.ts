// When each site's archive list is next re-read in the background (Site.archivesSyncDueAt). A due
// site is claimed by a conditional update on the due time it was read with, so any number of runner
// processes can look at once and each due time is synced by exactly one of them.
import { db } from './client'

export interface DueSite {
  id: string
  archivesSyncDueAt: Date | null
  archivesSyncedAt: Date | null
}

/** Connected sites whose background sync is due (or never planned), the longest waiting first. */
export async function dueArchiveSyncs(now: Date, limit: number): Promise<DueSite[]> {
  const select = { id: true, archivesSyncDueAt: true, archivesSyncedAt: true } as const
  // Never planned first (a site from before this column, or one whose add-time sync failed).
  const unplanned = await db().site.findMany({
    where: { connectionStatus: 'ok', archivesSyncDueAt: null },
    select,
    orderBy: { createdAt: 'asc' },
    take: limit,
  })
  if (unplanned.length >= limit) return unplanned
  const due = await db().site.findMany({
    where: { connectionStatus: 'ok', archivesSyncDueAt: { lte: now } },
    select,
    orderBy: { archivesSyncDueAt: 'asc' },
    take: limit - unplanned.length,
  })
  return [...unplanned, ...due]
}

/**
 * Moves a site's due time from `expected` (what the caller read) to `next`. True only for the one
 * caller whose read was still current: a second runner with the same read changes nothing.
 */
export async function claimArchiveSync(siteId: string, expected: Date | null, next: Date): Promise<boolean> {
  const r = await db().site.updateMany({
    where: { id: siteId, archivesSyncDueAt: expected },
    data: { archivesSyncDueAt: next },
  })
  return r.count === 1
}

/**
 * Puts the next background sync off to `next` after a sync that happened anyway (site added, run
 * finished, Refresh). Only ever later: a due time a runner already claimed further ahead stays.
 */
export async function planArchiveSync(siteId: string, next: Date): Promise<void> {
  await db().site.updateMany({
    where: { id: siteId, OR: [{ archivesSyncDueAt: null }, { archivesSyncDueAt: { lt: next } }] },
    data: { archivesSyncDueAt: next },
  })
}
