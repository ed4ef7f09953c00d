import { z } from 'zod'
import { json, parseBody, parseQuery, route } from '@/lib/api/respond'
import { createSchedule, listSchedules } from '@/lib/schedule/manage-schedules'
import { createScheduleInput } from '@/lib/schedule/schedule-input'

export const dynamic = 'force-dynamic'

const listQuery = z.object({ siteId: z.string().min(1).optional() })

export const GET = route('viewer', async (req) => json({ schedules: await listSchedules(parseQuery(req, listQuery)) }))

export const POST = route('admin', async (req, _params, actor) =>
  json({ schedule: await createSchedule({ ...(await parseBody(req, createScheduleInput)), by: actor.label }) }, 201),
)
