import { json, parseBody, route } from '@/lib/api/respond'
import { queueBulk } from '@/lib/runs/start-run'
import { bulkRunInput } from '@/lib/runs/run-input'

export const dynamic = 'force-dynamic'

export const POST = route('operator', async (req, _params, actor) => {
  const { siteIds, tag, all, ...rest } = await parseBody(req, bulkRunInput)
  return json(await queueBulk({ siteIds, tag, all }, { ...rest, trigger: 'bulk', requestedBy: actor.label }), 202)
})
