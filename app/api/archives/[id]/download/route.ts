import { parseQuery, route } from '@/lib/api/respond'
import { contentDisposition, openArchiveDownload, RangeNotSatisfiableError } from '@/lib/archives/download-archive'
import { downloadQuery } from '@/lib/archives/archive-input'

export const dynamic = 'force-dynamic'

/** `Range: bytes=N-` (how a browser resumes), honoured when If-Range, if sent, names this part. */
function resumeFrom(headers: Headers, etag: string): number {
  const m = /^bytes=(\d{1,15})-$/.exec(headers.get('range')?.trim() ?? '')
  if (!m) return 0 // no range, or a form we do not serve partially: the whole part (RFC 9110 allows it)
  const ifRange = headers.get('if-range')
  if (ifRange !== null && ifRange !== etag) return 0
  return Number(m[1])
}

/**
 * Streams one part from the site; the body errors (connection dropped) if the byte count is wrong.
 * Next 16 drops content-length from route-handler responses (server/send-response.js);
 * lib/runtime/http-server.mjs puts it back from x-body-length, so browsers show size and progress.
 * A resumed download (Range: bytes=N-) continues from byte N with the site's chunked method (206).
 * x-archive-size carries the part's whole size for scripts.
 */
export const GET = route<{ id: string }>('operator', async (req, { id }) => {
  const { part } = parseQuery(req, downloadQuery)
  // The part of an archive record never changes: its id and number identify its bytes.
  const etag = `"${id}.${part}"`
  const from = resumeFrom(req.headers, etag)
  let d
  try {
    d = await openArchiveDownload(id, part, undefined, from)
  } catch (e) {
    if (!(e instanceof RangeNotSatisfiableError)) throw e
    return new Response(null, {
      status: 416,
      headers: { 'content-range': `bytes */${e.size}`, 'cache-control': 'no-store' },
    })
  }
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    'content-length': String(d.size - d.startAt),
    'x-body-length': String(d.size - d.startAt),
    'x-archive-size': String(d.size),
    'content-disposition': contentDisposition(d.filename),
    'cache-control': 'no-store',
    etag,
    'x-content-type-options': 'nosniff',
  }
  if (d.startAt > 0) headers['content-range'] = `bytes ${d.startAt}-${d.size - 1}/${d.size}`
  return new Response(d.body, { status: d.startAt > 0 ? 206 : 200, headers })
})
