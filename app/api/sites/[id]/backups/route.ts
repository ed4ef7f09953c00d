import { json, parseBody, route } from '@/lib/api/respond'
import { requestBackup } from '@/lib/runs/start-run'
import { startRunInput } from '@/lib/runs/run-input'

export const dynamic = 'force-dynamic'

/** 202 with the new run; 200 with the site's queued or running run when it has one (no second backup). */
export const POST = route<{ id: string }>('operator', async (req, { id }, actor) => {
  const input = await parseBody(req, startRunInput)
  const { run, created } = await requestBackup(id, { ...input, trigger: 'manual', requestedBy: actor.label })
  return json({ run, created }, created ? 202 : 200)
})
