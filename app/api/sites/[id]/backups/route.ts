import { json, parseBody, route } from '@/lib/api/respond'
import { queueBackup } from '@/lib/runs/start-run'
import { startRunInput } from '@/lib/runs/run-input'

export const dynamic = 'force-dynamic'

export const POST = route<{ id: string }>('operator', async (req, { id }, actor) => {
  const input = await parseBody(req, startRunInput)
  return json({ run: await queueBackup(id, { ...input, trigger: 'manual', requestedBy: actor.label }) }, 202)
})
