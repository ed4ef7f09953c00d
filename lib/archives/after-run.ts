// Work after a run ends: mirror the site's backup records into Archive rows (the run's own archive
// linked to it, with its parts). Failures here never change the run's outcome.
import { linkRunArchive, upsertArchives } from '../db/archives'
import { getRunRecord } from '../db/runs'
import type { SiteApi } from '../engine/site-api'
import { runIdFromMarker } from '../engine/marker'
import type { BackupRecord } from '../akeeba/types'
import { logger } from '../log'

const PAGE = 200

export async function syncArchivesWith(api: SiteApi, siteId: string, maxPages = 10): Promise<number> {
  const all: BackupRecord[] = []
  let complete = false
  for (let page = 0; page < maxPages; page++) {
    const { data } = await api.listBackups(page * PAGE, PAGE)
    all.push(...data)
    if (data.length < PAGE) {
      complete = true
      break
    }
  }
  return upsertArchives(siteId, all, complete, claimedRuns(all))
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
