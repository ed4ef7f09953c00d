import { z } from 'zod'
import { safeText } from '../text/safe-text'
import { RUN_STATUSES, isRunStatus } from '../domain/run-status'

const BACKUP_TYPES = ['full', 'dbonly', 'fileonly', 'alldb', 'incfile', 'incfull'] as const

export const startRunInput = z
  .object({
    profileId: z.number().int().min(1).optional(),
    description: safeText().trim().max(255).optional(),
    backupType: z.enum(BACKUP_TYPES).optional(),
  })
  .strict()

export const bulkRunInput = startRunInput
  .extend({
    siteIds: z.array(safeText().min(1)).min(1).max(5000).optional(),
    tag: safeText().trim().min(1).optional(),
    all: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Boolean(v.siteIds?.length || v.tag || v.all), {
    message: 'choose siteIds, a tag or all',
    path: ['siteIds'],
  })

export const runListQuery = z.object({
  siteId: safeText().min(1).optional(),
  status: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      const bad = list.find((s) => !isRunStatus(s))
      if (bad) {
        ctx.addIssue({ code: 'custom', message: `unknown status "${bad}" (use ${RUN_STATUSES.join(', ')})` })
        return z.NEVER
      }
      return list.filter(isRunStatus)
    }),
  trigger: z.enum(['manual', 'bulk', 'schedule', 'api', 'demo']).optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})

export const runDetailQuery = z.object({ afterSeq: z.coerce.number().int().min(0).optional().default(0) })

export const cancelInput = z.object({ deleteRemote: z.boolean().optional().default(false) }).strict()
