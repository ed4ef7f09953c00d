// GET /api/archives/{id}/download-all: every part of a (multipart) archive in one uncompressed zip,
// streamed part by part from the site through the same checked path as a single part (part-stream.ts:
// downloadDirect, chunked fallback, exact byte count). Nothing is buffered: one chunk at a time.
import { recordAudit } from '../db/audit'
import { AkeebaError } from '../akeeba/types'
import { AppError } from '../api/errors'
import { logger } from '../log'
import { archiveFilesOnSite, type DownloadSource } from './download-archive'
import { siteError } from './sync-archives'
import { partBytes, SizeMismatchError, toWebStream } from './part-stream'
import { storedZip, zipEntryName, ZipEntrySizeError, zipSize, type ZipEntry } from './zip-stream'

export interface ArchiveZipDownload {
  filename: string
  /** The zip's exact length. */
  size: number
  parts: { part: number; name: string; size: number }[]
  body: ReadableStream<Uint8Array>
}

type Source = DownloadSource

/** "site-20260101.jpa" → "site-20260101-all-parts.zip". */
export function zipFilename(archiveName: string, remoteId: number): string {
  const base = zipEntryName(archiveName, '').replace(/\.jp[as]$/i, '')
  return `${base || `backup-${remoteId}`}-all-parts.zip`
}

/** Unique names inside the zip (a hostile site could list the same name twice). */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>()
  return names.map((n) => {
    let name = n
    for (let i = 2; seen.has(name); i++) name = `${n}-${i}`
    seen.add(name)
    return name
  })
}

export async function openArchiveZipDownload(archiveId: string, source?: Source): Promise<ArchiveZipDownload> {
  const { archive, client, filenames } = await archiveFilesOnSite(archiveId, source)
  // Part 1 is the .jpa (DESIGN.md fact 9), then .j01, .j02…
  const parts = [...filenames].sort((a, b) => a.part - b.part)
  const names = uniqueNames(parts.map((p) => zipEntryName(p.name, `part-${p.part}`)))
  const log = logger().child({ archiveId, siteId: archive.siteId, remoteId: archive.remoteId, zip: true })
  const abort = new AbortController()
  const date = new Date(archive.backupEnd ?? archive.backupStart ?? Date.now())

  const open = (p: (typeof parts)[number]) =>
    partBytes(client, {
      remoteId: archive.remoteId,
      part: p.part,
      expectedSize: p.size,
      signal: abort.signal,
      log: log.child({ part: p.part, file: p.name }),
      onDone: ({ via, bytes }) => log.info({ part: p.part, via, bytes }, 'archive part zipped'),
    })

  // The first part's first bytes are read before answering, so a site that fails at once gets a
  // real error response; later failures can only cut the transfer (the browser marks it failed).
  const firstPart = open(parts[0])
  let first: IteratorResult<Buffer, void>
  try {
    first = await firstPart.next()
  } catch (e) {
    log.error({ err: e instanceof Error ? e.message : String(e) }, 'zip download failed before the first byte')
    if (e instanceof AkeebaError) throw siteError('The site did not send the archive', e)
    if (e instanceof SizeMismatchError) throw new AppError('akeeba_error', e.message)
    throw e
  }

  const entries: ZipEntry[] = parts.map((p, i) => ({
    name: names[i],
    size: p.size,
    date,
    open:
      i === 0
        ? async function* () {
            const head = first.done ? null : first.value
            first = { done: true, value: undefined } // not held for the rest of the download
            if (head) yield head
            yield* firstPart
          }
        : () => open(p),
  }))
  const size = zipSize(entries)
  const zip = storedZip(entries)
  const body = toWebStream(
    zip,
    (e) =>
      log.error(
        { err: e instanceof Error ? e.message : String(e), mismatch: e instanceof ZipEntrySizeError },
        'zip download aborted',
      ),
    () => {
      abort.abort()
      void firstPart.return(undefined).catch(() => undefined)
      log.debug('zip download cancelled by the browser')
    },
  )
  await recordAudit('archive.download', {
    siteId: archive.siteId,
    archiveId,
    details: {
      remoteId: archive.remoteId,
      part: 'all',
      parts: parts.map((p) => ({ part: p.part, name: p.name, size: p.size })),
      zipSize: size,
    },
  })
  return { filename: zipFilename(archive.archiveName, archive.remoteId), size, parts, body }
}
