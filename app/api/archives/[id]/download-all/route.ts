import { route } from '@/lib/api/respond'
import { contentDisposition } from '@/lib/archives/download-archive'
import { openArchiveZipDownload } from '@/lib/archives/download-all'

export const dynamic = 'force-dynamic'

/**
 * Every part in one uncompressed zip, streamed part by part from the site with the same checks as a
 * single part: a part whose byte count is wrong cuts the transfer (the zip has no directory then).
 * Next 16 drops content-length, so x-archive-size carries the zip's exact size for scripts.
 */
export const GET = route<{ id: string }>('operator', async (_req, { id }) => {
  const d = await openArchiveZipDownload(id)
  return new Response(d.body, {
    headers: {
      'content-type': 'application/zip',
      'content-length': String(d.size),
      'x-archive-size': String(d.size),
      // The server restores Content-Length from this (lib/runtime/http-server.mjs); no Range: always 200.
      'x-body-length': String(d.size),
      'accept-ranges': 'none',
      'x-archive-parts': String(d.parts.length),
      'content-disposition': contentDisposition(d.filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
})
