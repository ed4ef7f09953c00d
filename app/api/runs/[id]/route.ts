import { json, parseQuery, route } from '@/lib/api/respond'
import { notFound } from '@/lib/api/errors'
import { getRun, listSteps } from '@/lib/db/runs'
import { runDetailQuery } from '@/lib/runs/run-input'

export const dynamic = 'force-dynamic'

/** The run and its steps after `afterSeq` only, so a live page polls cheaply. */
export const GET = route<{ id: string }>(async (req, { id }) => {
  const { afterSeq } = parseQuery(req, runDetailQuery)
  const run = await getRun(id)
  if (!run) throw notFound('run', id)
  return json({ run, steps: await listSteps(id, afterSeq) })
})
