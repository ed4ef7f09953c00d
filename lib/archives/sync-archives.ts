// "Refresh" on a site's archive history: mirror the site's records, then fetch the part list of
// multipart archives we do not know yet (listBackups has no file names; getBackupInfo does).
import { listArchives, upsertArchives } from '../db/archives'
import type { ArchiveDto } from '../domain/archives'
import { siteApiFromClient } from '../engine/site-client'
import { claimedRuns, syncArchivesWith } from './after-run'
import type { AkeebaClient } from '../akeeba/client'
import type { BackupRecord } from '../akeeba/types'
import { AkeebaError } from '../akeeba/types'
import { AppError } from '../api/errors'
import { logger } from '../log'
import { requireSite } from '../sites/list-sites'
import { clientForSite } from './site-client'
import { isDownloadable } from './archive-state'

/** getBackupInfo calls per refresh at most: a site with hundreds of old multipart sets stays cheap. */
const MAX_INFO_CALLS = 20

export async function syncWithClient(client: AkeebaClient, siteId: string): Promise<ArchiveDto[]> {
  await syncArchivesWith(siteApiFromClient(client), siteId)
  const archives = await listArchives({ siteId })
  const missing = archives
    .filter((a) => a.multipart > 1 && !a.parts?.length && isDownloadable(a))
    .slice(0, MAX_INFO_CALLS)
  if (missing.length === 0) return archives
  const merged: BackupRecord[] = []
  for (const a of missing) {
    try {
      const { data } = await client.getBackupInfo(a.remoteId)
      // getBackupInfo on 9.x has no meta/size: keep what listBackups said.
      if (data.filenames.length) merged.push({ ...data, meta: a.meta, size: a.totalSize })
    } catch (e) {
      logger().warn(
        { siteId, remoteId: a.remoteId, err: e instanceof Error ? e.message : e },
        'getBackupInfo failed while reading part names',
      )
    }
  }
  if (merged.length) await upsertArchives(siteId, merged, false, claimedRuns(merged))
  return listArchives({ siteId })
}

/** Re-reads the site's backup records; a site that cannot be reached is a loud 502, nothing changes. */
export async function syncSiteArchives(siteId: string): Promise<ArchiveDto[]> {
  const client = await clientForSite(siteId)
  try {
    return await syncWithClient(client, siteId)
  } catch (e) {
    if (e instanceof AkeebaError) throw siteError('Could not read the backup list from the site', e)
    throw e
  }
}

/** "Refresh" on a site's archive history (POST /api/sites/{id}/archives/sync): 404 for an unknown site. */
export async function refreshSiteArchives(siteId: string): Promise<ArchiveDto[]> {
  await requireSite(siteId)
  return syncSiteArchives(siteId)
}

export function siteError(what: string, e: AkeebaError): AppError {
  const code =
    e.kind === 'auth'
      ? 'akeeba_auth_failed'
      : e.kind === 'transport' || e.kind === 'timeout'
        ? 'site_unreachable'
        : 'akeeba_error'
  return new AppError(code, `${what}: ${e.message}`, {
    details: { kind: e.kind, httpStatus: e.raw?.httpStatus ?? null },
  })
}
