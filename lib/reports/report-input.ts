// GET /api/reports query: a tag and a period. `from` and `to` are ISO instants (the page sends the
// viewer's local day boundaries) or plain dates, read as whole UTC days with `to` included.
import { z } from 'zod'
import { safeText } from '../text/safe-text'

/** Longest period one report covers. */
export const MAX_REPORT_DAYS = 400

const DAY = 86_400_000
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

function instant(end: boolean) {
  return z
    .string()
    .min(1, 'is required')
    .max(40)
    .transform((s, ctx) => {
      const d = DATE_ONLY.test(s) ? new Date(`${s}T00:00:00.000Z`) : new Date(s)
      if (Number.isNaN(d.getTime()) || !(DATE_ONLY.test(s) || /^\d{4}-\d{2}-\d{2}T/.test(s))) {
        ctx.addIssue({ code: 'custom', message: 'must be a date (2026-11-30) or an ISO date and time' })
        return z.NEVER
      }
      // A plain `to` date is included: the period ends at the next midnight.
      return end && DATE_ONLY.test(s) ? new Date(d.getTime() + DAY) : d
    })
}

export const reportQuery = z
  .object({
    tag: safeText().trim().min(1, 'is required').max(40),
    from: instant(false),
    to: instant(true),
  })
  .superRefine((v, ctx) => {
    if (v.to <= v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' })
    else if (v.to.getTime() - v.from.getTime() > MAX_REPORT_DAYS * DAY)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the period can be at most ${MAX_REPORT_DAYS} days` })
  })

export type ReportQuery = z.infer<typeof reportQuery>
