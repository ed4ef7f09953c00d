import { parseQuery, route } from '@/lib/api/respond'
import { contentDisposition, openArchiveDownload } from '@/lib/archives/download-archive'
import { downloadQuery } from '@/lib/archives/archive-input'

export const dynamic = 'force-dynamic'

/**
 * Streams one part from the site; the body errors (connection dropped) if the byte count is wrong.
 * Next 16 drops content-length from route-handler responses (server/send-response.js), so the body
 * goes out chunked: a cut transfer lacks the final chunk and the browser marks the download failed.
 * x-archive-size carries the expected size for scripts.
 */
export const GET = route<{ id: string }>('operator', async (req, { id }) => {
  const { part } = parseQuery(req, downloadQuery)
  const d = await openArchiveDownload(id, part)
  return new Response(d.body, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(d.size),
      'x-archive-size': String(d.size),
      'content-disposition': contentDisposition(d.filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
})
