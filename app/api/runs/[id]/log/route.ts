import { route } from '@/lib/api/respond'
import { buildRunLog } from '@/lib/runs/run-log'

export const dynamic = 'force-dynamic'

export const GET = route<{ id: string }>('viewer', async (req, { id }) => {
  const { text, filename } = await buildRunLog(id)
  const download = new URL(req.url).searchParams.get('download') === '1'
  return new Response(text, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...(download ? { 'content-disposition': `attachment; filename="${filename}"` } : {}),
    },
  })
})
