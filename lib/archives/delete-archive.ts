// Deleting an archive on its site (record and files, or only the files). The site decides: we
// re-read its list afterwards and report what is really there. Joomla 9.3.3 refuses both calls
// (DESIGN.md fact 11: delete → {"status":500,"data":""}, deleteFiles → an HTML 500 page), and an
// archive that still exists is never shown as deleted.
import { getArchive } from '../db/archives'
import type { ArchiveDto } from '../domain/archives'
import { recordAudit } from '../db/audit'
import { AkeebaError } from '../akeeba/types'
import { AppError, notFound } from '../api/errors'
import { logger } from '../log'
import { clientForSite } from './site-client'
import { syncWithClient } from './sync-archives'
import { archiveState } from './archive-state'

export type DeleteMode = 'record' | 'files'

export interface DeleteResult {
  archive: ArchiveDto | null
  archives: ArchiveDto[]
}

function label(a: ArchiveDto): string {
  return a.archiveName || a.description || `backup #${a.remoteId}`
}

/** The server's words without our own "The site refused delete" prefix (envelope-errors.ts). */
function answerText(e: AkeebaError): string {
  return e.message
    .replace(/^The site refused \w+ \((status -?\d+)\)(?:: )?/, '$1 ')
    .replace(/\.$/, '')
    .trim()
}

function isDone(mode: DeleteMode, after: ArchiveDto | undefined): boolean {
  if (mode === 'record') return !after
  return !after || archiveState(after) !== 'ok'
}

/** What a delete came to, read back from the site's list (the shared core of manual and retention deletes). */
export type DeleteOutcome =
  | { status: 'done'; archive: ArchiveDto | null; archives: ArchiveDto[] }
  | { status: 'refused'; kind: string; answer: string; message: string }
  | { status: 'unconfirmed'; listed: boolean; message: string }

/**
 * Asks the site to delete, re-reads its list and reports what is really there; every outcome is
 * audited (`archive.deleted`, `….refused`, `….unconfirmed`). `details` are added to the audit rows.
 */
export async function deleteOnSiteOutcome(
  archive: ArchiveDto,
  mode: DeleteMode,
  actor: string | null = null,
  details: Record<string, unknown> = {},
): Promise<DeleteOutcome> {
  const archiveId = archive.id
  const client = await clientForSite(archive.siteId)
  const action = mode === 'record' ? 'archive.deleted' : 'archive.files_deleted'
  let refusal: AkeebaError | null = null
  try {
    if (mode === 'record') await client.delete(archive.remoteId)
    else await client.deleteFiles(archive.remoteId)
  } catch (e) {
    if (!(e instanceof AkeebaError)) throw e
    refusal = e
  }

  // Whatever the answer, the site's list is the truth (a lost answer may still have deleted).
  let archives: ArchiveDto[] | null = null
  try {
    archives = await syncWithClient(client, archive.siteId)
  } catch (e) {
    logger().warn(
      { archiveId, err: e instanceof Error ? e.message : e },
      'could not re-read the backup list after a delete',
    )
  }
  const after = archives?.find((a) => a.id === archiveId) ?? (archives ? await getArchive(archiveId) : undefined)
  const done = archives !== null && isDone(mode, after && !after.goneFromSite ? after : undefined)
  const what = mode === 'record' ? 'delete' : 'delete the files of'

  if (refusal && !done) {
    await recordAudit(`${action}.refused`, {
      actor,
      siteId: archive.siteId,
      archiveId,
      details: { ...details, remoteId: archive.remoteId, kind: refusal.kind, message: refusal.message },
    })
    return {
      status: 'refused',
      kind: refusal.kind,
      answer: answerText(refusal),
      message: `The site refused to ${what} ${label(archive)}. Its answer: ${answerText(refusal)}. Nothing was changed; the archive is still there.`,
    }
  }
  if (!done) {
    await recordAudit(`${action}.unconfirmed`, {
      actor,
      siteId: archive.siteId,
      archiveId,
      details: { ...details, remoteId: archive.remoteId, listed: archives !== null },
    })
    return {
      status: 'unconfirmed',
      listed: archives !== null,
      message:
        archives === null
          ? `The site accepted the request to ${what} ${label(archive)}, but its backup list could not be read to confirm it. Refresh the list to see what is there.`
          : `The site said it would ${what} ${label(archive)}, but still lists ${mode === 'record' ? 'it' : 'its files'}. Nothing is marked deleted.`,
    }
  }
  await recordAudit(action, {
    actor,
    siteId: archive.siteId,
    archiveId,
    details: {
      ...details,
      remoteId: archive.remoteId,
      name: archive.archiveName,
      answered: refusal ? refusal.message : 'ok',
    },
  })
  return { status: 'done', archive: after && !after.goneFromSite ? after : null, archives: archives ?? [] }
}

export async function deleteOnSite(
  archiveId: string,
  mode: DeleteMode,
  actor: string | null = null,
): Promise<DeleteResult> {
  const archive = await getArchive(archiveId)
  if (!archive) throw notFound('archive', archiveId)
  if (archive.goneFromSite) throw new AppError('conflict', 'This backup is no longer on the site.')
  const r = await deleteOnSiteOutcome(archive, mode, actor)
  if (r.status === 'refused') throw new AppError('akeeba_error', r.message, { details: { kind: r.kind } })
  if (r.status === 'unconfirmed') throw new AppError('akeeba_error', r.message)
  return { archive: r.archive, archives: r.archives }
}
