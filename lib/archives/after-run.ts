// Work after a run ends: mirror the site's backup records into Archive rows (the run's own archive
// linked to it, with its parts). Failures here never change the run's outcome.
import { linkRunArchive, upsertArchives } from '../db/archives'
import { getRunRecord } from '../db/runs'
import type { SiteApi } from '../engine/site-api'
import { runIdFromMarker } from '../engine/marker'
import type { BackupRecord } from '../akeeba/types'
import { logger } from '../log'
import { planNextSync } from './sync-plan'

const PAGE = 200
/** Records one sync reads at most: bounded work even when a site lists far more than it should. */
export const MAX_SYNC_RECORDS = 50_000

/**
 * Reads the site's whole record list, page by page, and mirrors it. Copes with sites that ignore
 * `limit` (an answer longer than asked is the whole list) or `from` (a page with nothing new ends
 * the reading), and stops after MAX_SYNC_RECORDS (then nothing is marked gone: the list was cut).
 */
export async function syncArchivesWith(api: SiteApi, siteId: string, maxPages = 250): Promise<number> {
  const seen = new Map<number, BackupRecord>()
  let complete = false
  for (let page = 0; page < maxPages && seen.size < MAX_SYNC_RECORDS; page++) {
    const { data } = await api.listBackups(page * PAGE, PAGE)
    let fresh = 0
    for (const r of data.slice(0, MAX_SYNC_RECORDS - seen.size)) {
      if (!seen.has(r.id)) fresh++
      seen.set(r.id, r)
    }
    if (data.length > MAX_SYNC_RECORDS) break
    if (data.length > PAGE || data.length < PAGE || fresh === 0) {
      complete = true
      break
    }
  }
  const all = [...seen.values()]
  const n = await upsertArchives(siteId, all, complete, claimedRuns(all))
  // Just read: the background sync (background-sync.ts) need not read this site again for a while.
  await planNextSync(siteId)
  return n
}

/** Records that carry our run marker (startBackup's comment), by record id. */
export function claimedRuns(records: BackupRecord[]): Map<number, string> {
  const out = new Map<number, string>()
  for (const r of records) {
    const runId = runIdFromMarker(`${r.comment} ${r.description}`)
    if (runId) out.set(r.id, runId)
  }
  return out
}

export async function afterRun(runId: string, status: string, api: SiteApi): Promise<void> {
  const run = await getRunRecord(runId)
  if (!run) return
  if (status !== 'succeeded' && status !== 'failed') return
  await syncArchivesWith(api, run.siteId)
  if (status === 'succeeded' && run.remoteRecordId !== null) {
    // listBackups has no part list; getBackupInfo does (needed for downloads).
    const { data } = await api.getBackupInfo(run.remoteRecordId)
    await linkRunArchive(run.siteId, run.remoteRecordId, runId, data.filenames)
  }
  logger().info({ runId, status }, 'archives synced after run')
}
