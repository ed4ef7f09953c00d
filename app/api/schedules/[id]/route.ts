import { z } from 'zod'
import { json, parseBody, parseQuery, route } from '@/lib/api/respond'
import { deleteSchedule, getScheduleDetail, updateSchedule } from '@/lib/schedule/manage-schedules'
import { updateScheduleInput } from '@/lib/schedule/schedule-input'

export const dynamic = 'force-dynamic'

type P = { id: string }

export const GET = route<P>('viewer', async (_req, { id }) => json(await getScheduleDetail(id)))

export const PATCH = route<P>('admin', async (req, { id }, actor) =>
  json({ schedule: await updateSchedule(id, { ...(await parseBody(req, updateScheduleInput)), by: actor.label }) }),
)

const deleteQuery = z.object({ by: z.string().trim().max(80).optional() })

export const DELETE = route<P>('admin', async (req, { id }, actor) => {
  parseQuery(req, deleteQuery)
  await deleteSchedule(id, actor.label)
  return json({ deleted: true })
})
