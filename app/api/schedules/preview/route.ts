import { json, parseBody, route } from '@/lib/api/respond'
import { previewCron } from '@/lib/schedule/manage-schedules'
import { previewInput } from '@/lib/schedule/schedule-input'

export const dynamic = 'force-dynamic'

/** Next fire times for the form's live preview: { cron, timezone } → { cronText, fires }. */
export const POST = route('viewer', async (req) => json(previewCron(await parseBody(req, previewInput))))
