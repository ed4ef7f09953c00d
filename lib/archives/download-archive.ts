// GET /api/archives/{id}/download?part=N: one part of an archive, streamed through this server
// from the site and verified against the size the site reports for it (DESIGN.md fact 9).
import { recordAudit } from '../db/audit'
import { getArchive } from '../db/archives'
import { AkeebaError } from '../akeeba/types'
import { AppError, notFound } from '../api/errors'
import { logger } from '../log'
import { clientForSite } from './site-client'
import { siteError } from './sync-archives'
import { partBytes, SizeMismatchError, toWebStream, type PartSource } from './part-stream'

export interface ArchiveDownload {
  filename: string
  /** The part's whole size. */
  size: number
  /** The first byte in `body` (0, or where a resumed download starts). */
  startAt: number
  body: ReadableStream<Uint8Array>
}

/** A resume asked for a byte at or past the part's end (HTTP 416). */
export class RangeNotSatisfiableError extends Error {
  constructor(readonly size: number) {
    super(`The part has ${size} bytes.`)
    this.name = 'RangeNotSatisfiableError'
  }
}

export type PartFile = { part: number; name: string; size: number }

/** Where a download reads from: the site's client, or a stand-in in tests. */
export type DownloadSource = PartSource & {
  getBackupInfo: (id: number) => Promise<{ data: { filenames: PartFile[] } }>
}

/**
 * The archive, the client for its site and the part files the site lists for it now; a clear conflict
 * when the backup or its files are gone. Shared by the single-part and the all-parts download.
 */
export async function archiveFilesOnSite(archiveId: string, source?: DownloadSource) {
  const archive = await getArchive(archiveId)
  if (!archive) throw notFound('archive', archiveId)
  if (archive.goneFromSite)
    throw new AppError('conflict', 'This backup is no longer on the site, so there is nothing to download.')
  const client = source ?? (await clientForSite(archive.siteId))
  let filenames: { part: number; name: string; size: number }[]
  try {
    filenames = (await client.getBackupInfo(archive.remoteId)).data.filenames
  } catch (e) {
    if (e instanceof AkeebaError) throw siteError('Could not read the archive details from the site', e)
    throw e
  }
  if (filenames.length === 0)
    throw new AppError(
      'conflict',
      'The site has no files for this backup any more (deleted, or moved to remote storage). Refresh the archive list.',
    )
  return { archive, client, filenames }
}

export async function openArchiveDownload(
  archiveId: string,
  part: number,
  source?: DownloadSource,
  /** Resume from this byte (the chunked method starts at an offset); 0 for the whole part. */
  startAt = 0,
): Promise<ArchiveDownload> {
  const { archive, client, filenames } = await archiveFilesOnSite(archiveId, source)
  const info = filenames.find((f) => f.part === part)
  if (!info)
    throw new AppError(
      'not_found',
      `This archive has ${filenames.length} part${filenames.length === 1 ? '' : 's'}; part ${part} does not exist.`,
      { field: 'part' },
    )

  if (startAt > 0 && startAt >= info.size) throw new RangeNotSatisfiableError(info.size)
  const log = logger().child({ archiveId, siteId: archive.siteId, remoteId: archive.remoteId, part, file: info.name })
  const abort = new AbortController()
  const it = partBytes(client, {
    remoteId: archive.remoteId,
    part,
    expectedSize: info.size,
    startAt,
    signal: abort.signal,
    log,
    onDone: ({ via, bytes }) => log.info({ via, bytes }, 'archive part downloaded'),
  })
  // The first bytes are read before answering, so a site that fails at once gets a real error
  // response. Later failures can only cut the transfer (the browser then marks it failed).
  let first: IteratorResult<Buffer, void>
  try {
    first = await it.next()
  } catch (e) {
    log.error(
      { err: e instanceof Error ? e.message : String(e), expected: info.size },
      'archive download failed before the first byte',
    )
    if (e instanceof AkeebaError) throw siteError('The site did not send the archive', e)
    if (e instanceof SizeMismatchError) throw new AppError('akeeba_error', e.message)
    throw e
  }
  const body = toWebStream(
    it,
    (e) =>
      log.error({ err: e instanceof Error ? e.message : String(e), expected: info.size }, 'archive download aborted'),
    () => {
      abort.abort()
      // Leaving a download is a normal thing for a person to do, not an error.
      log.debug('archive download cancelled by the browser')
    },
    first,
  )
  await recordAudit('archive.download', {
    siteId: archive.siteId,
    archiveId,
    details: {
      remoteId: archive.remoteId,
      part,
      name: info.name,
      size: info.size,
      ...(startAt ? { from: startAt } : {}),
    },
  })
  return { filename: info.name, size: info.size, startAt, body }
}

/** Content-Disposition with a plain fallback and the exact name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const plain = filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}
