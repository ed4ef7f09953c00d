import { z } from 'zod'
import { json, parseBody, parseQuery, route } from '@/lib/api/respond'
import { deleteSchedule, getScheduleDetail, updateSchedule } from '@/lib/schedule/manage-schedules'
import { updateScheduleInput } from '@/lib/schedule/schedule-input'

export const dynamic = 'force-dynamic'

type P = { id: string }

export const GET = route<P>(async (_req, { id }) => json(await getScheduleDetail(id)))

export const PATCH = route<P>(async (req, { id }) =>
  json({ schedule: await updateSchedule(id, await parseBody(req, updateScheduleInput)) }),
)

const deleteQuery = z.object({ by: z.string().trim().max(80).optional() })

export const DELETE = route<P>(async (req, { id }) => {
  await deleteSchedule(id, parseQuery(req, deleteQuery).by)
  return json({ deleted: true })
})
