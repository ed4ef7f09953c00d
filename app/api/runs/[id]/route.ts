import { json, parseQuery, route } from '@/lib/api/respond'
import { readRunDetail } from '@/lib/runs/read-runs'
import { runDetailQuery } from '@/lib/runs/run-input'

export const dynamic = 'force-dynamic'

/** The run and its steps after `afterSeq` only, so a live page polls cheaply. */
export const GET = route<{ id: string }>('viewer', async (req, { id }) => {
  const { afterSeq } = parseQuery(req, runDetailQuery)
  return json(await readRunDetail(id, afterSeq))
})
