// downloadDirect: the one call whose success is not JSON but the raw file (akeeba-protocol.md §4).
// Its errors are a bare HTTP 500 with the message in the reason phrase and an empty body
// (akeeba-wp-9.1.1/05 exchanges 21-22, akeeba-joomla/07 exchanges 42-44).
import { PassThrough, type Readable } from 'node:stream'
import { AkeebaError, type RawExchange } from './types'
import { parseEnvelope } from './parse-envelope'
import { envelopeError } from './envelope-errors'
import { makeRaw, redactKey } from './redact'
import { readText, secs, type OpenResponse } from './http-request'

export interface DirectDownload {
  /** The file's bytes as they arrive; errors mid-stream are AkeebaErrors. */
  stream: Readable
  /** From Content-Length; null when the server did not say. */
  size: number | null
  filename: string | null
  raw: RawExchange
}

/** Interprets a downloadDirect answer that is not a file. Always throws. */
export function interpretDirectError(
  httpStatus: number,
  rawReason: string,
  rawBody: string,
  extra: { durationMs?: number; key?: string } = {},
): never {
  const reason = redactKey(rawReason, extra.key)
  const body = redactKey(rawBody, extra.key)
  const raw = makeRaw(httpStatus, body, extra.durationMs ?? 0, extra.key)
  if (!body.trim() && httpStatus !== 200) {
    const message = reason.trim() || `HTTP ${httpStatus} with an empty body`
    // "Invalid backup part" / "Invalid backup record identifier": retrying cannot help.
    if (/invalid backup/i.test(message)) throw new AkeebaError('not_found', message, { raw })
    throw new AkeebaError('http', `The site answered HTTP ${httpStatus}: ${message}`, { raw })
  }
  // An auth failure still arrives as a JSON 503 envelope (akeeba-protocol.md §4 downloadDirect).
  const env = parseEnvelope(httpStatus, body, raw, reason)
  if (env.status === 200)
    throw new AkeebaError('protocol', 'The site answered downloadDirect with JSON instead of the file', {
      envelopeStatus: 200,
      raw,
    })
  throw envelopeError('downloadDirect', env.status, env.data, raw)
}

export function filenameFrom(disposition: string | undefined): string | null {
  if (!disposition) return null
  const star = /filename\*\s*=\s*(?:UTF-8'[^']*')?"?([^";]+)"?/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      return star[1]
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1] ?? null
}

function isFile(open: OpenResponse): boolean {
  const type = String(open.head.headers['content-type'] ?? '')
  return open.head.status === 200 && !/json|text\/html/i.test(type)
}

export async function toDirectDownload(
  open: OpenResponse,
  idleTimeoutMs: number,
  key?: string,
): Promise<DirectDownload> {
  const { head } = open
  if (!isFile(open)) {
    const body = await readText(open, 1024 * 1024)
    return interpretDirectError(head.status, head.reason, body, { durationMs: open.elapsedMs(), key })
  }
  const lengthHeader = head.headers['content-length']
  const size = lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : null
  const raw = makeRaw(head.status, '', open.elapsedMs())
  const stream = new PassThrough()
  let received = 0
  let ended = false
  open.release()
  open.res.setTimeout(idleTimeoutMs, () =>
    open.fail(
      new AkeebaError('timeout', `The download stalled: no bytes for ${secs(idleTimeoutMs)}.`, {
        raw: makeRaw(head.status, '', open.elapsedMs()),
      }),
    ),
  )
  open.res.on('data', (chunk: Buffer) => (received += chunk.length))
  open.res.on('end', () => {
    ended = true
    open.done()
    if (size !== null && received !== size) {
      stream.destroy(
        new AkeebaError('transport', `The download ended after ${received} of ${size} bytes.`, {
          raw: makeRaw(head.status, '', open.elapsedMs()),
        }),
      )
    }
  })
  open.res.on('error', (err) => {
    open.done()
    stream.destroy(open.toError(err))
  })
  open.res.on('close', () => {
    if (!ended && !stream.destroyed) stream.destroy(open.toError(new Error('aborted')))
  })
  // The consumer gave up: stop the transfer too.
  stream.on('close', () => {
    if (!ended) open.fail(new AkeebaError('transport', 'Download cancelled by the reader.', { raw }))
  })
  open.res.pipe(stream)
  return { stream, size, filename: filenameFrom(head.headers['content-disposition']), raw }
}
