import { parseQuery, route } from '@/lib/api/respond'
import { contentDisposition, openArchiveDownload } from '@/lib/archives/download-archive'
import { downloadQuery } from '@/lib/archives/archive-input'

export const dynamic = 'force-dynamic'

/** Streams one part from the site; the body errors (connection dropped) if the byte count is wrong. */
export const GET = route<{ id: string }>(async (req, { id }) => {
  const { part } = parseQuery(req, downloadQuery)
  const d = await openArchiveDownload(id, part)
  return new Response(d.body, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(d.size),
      'content-disposition': contentDisposition(d.filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
})
