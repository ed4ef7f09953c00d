// Request bodies for /api/schedules. Cron and time zone are checked with croner here, so a bad one is
// a 400 naming the field ('cron' or 'timezone') with croner's complaint in plain words.
import { z } from 'zod'
import { safeText } from '../text/safe-text'
import { checkCron } from './cron'

const name = safeText().trim().min(1, 'give the schedule a name').max(120)
const cron = safeText().trim().min(1, 'enter a cron expression, e.g. "0 2 * * *"').max(120)
const timezone = safeText().trim().min(1, 'choose a time zone').max(64)
const by = safeText().trim().max(80).optional()
const reason = safeText().trim().max(500).optional()

const fields = {
  name: name.optional(),
  siteId: safeText().trim().min(1).nullable().optional(),
  tag: safeText().trim().min(1).max(60).nullable().optional(),
  cron,
  timezone,
  profileId: z.number().int().min(1).nullable().optional(),
  /** Empty or null: the default description (see template.ts). */
  descriptionTemplate: safeText().trim().max(255).nullable().optional(),
  staggerMinutes: z.number().int().min(0).max(1440).optional(),
  runOnce: z.boolean().optional(),
  enabled: z.boolean().optional(),
  /** Who made the change (there is no login yet); defaults to "dashboard". */
  by,
  /** Why (shown with the enabled state). */
  reason,
}

function refineCron(v: { cron?: string; timezone?: string }, ctx: z.RefinementCtx) {
  if (v.cron === undefined || v.timezone === undefined) return
  const r = checkCron(v.cron, v.timezone)
  if (!r.ok) ctx.addIssue({ code: 'custom', path: [r.field], message: r.message })
}

export const createScheduleInput = z
  .object(fields)
  .strict()
  .superRefine((v, ctx) => {
    if (Boolean(v.siteId) === Boolean(v.tag))
      ctx.addIssue({ code: 'custom', path: ['siteId'], message: 'choose one site or one tag' })
    refineCron(v, ctx)
  })

export const updateScheduleInput = z
  .object({ ...fields, cron: cron.optional(), timezone: timezone.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.siteId && v.tag)
      ctx.addIssue({ code: 'custom', path: ['siteId'], message: 'choose one site or one tag, not both' })
    if ((v.cron === undefined) !== (v.timezone === undefined)) {
      // Checked against the stored value in lib (the other one may be unchanged).
      return
    }
    refineCron(v, ctx)
  })

export const previewInput = z
  .object({ cron, timezone, count: z.number().int().min(1).max(20).optional() })
  .strict()
  .superRefine(refineCron)

export type CreateScheduleInput = z.infer<typeof createScheduleInput>
export type UpdateScheduleInput = z.infer<typeof updateScheduleInput>
export type PreviewInput = z.infer<typeof previewInput>
