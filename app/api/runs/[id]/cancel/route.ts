import { json, parseBody, route } from '@/lib/api/respond'
import { cancelRun } from '@/lib/runs/cancel-run'
import { cancelInput } from '@/lib/runs/run-input'

export const dynamic = 'force-dynamic'

export const POST = route<{ id: string }>('operator', async (req, { id }) => {
  const { deleteRemote } = await parseBody(req, cancelInput)
  return json({ run: await cancelRun(id, deleteRemote) })
})
