// Validation of what the /_fake/ control API receives (types at the boundary).
import { z } from 'zod'

const faultKind = z.enum(['reset', 'timeout', '502'])
const work = z.enum(['installer', 'PackDB', 'Packing', 'finale'])
const range = z.union([z.number().nonnegative(), z.tuple([z.number().nonnegative(), z.number().nonnegative()])])

/** A scenario patch; `null` clears a knob. */
export const scenarioPatchSchema = z
  .object({
    backupType: z.enum(['full', 'dbonly', 'fileonly', 'incfile', 'alldb', 'incfull']),
    stepsPerDomain: z.union([z.number().int().positive(), z.partialRecord(work, z.number().int().positive())]),
    stepLatencyMs: range,
    sleepTime: z.number().int().nonnegative(),
    warnings: z.array(z.object({ atStep: z.number().int(), text: z.string().optional() })),
    failAtStep: z.union([
      z.number().int(),
      z.object({ step: z.number().int(), text: z.string().optional(), times: z.number().int().optional() }),
    ]),
    failAtStart: z.union([z.boolean(), z.number().int()]),
    junk: z.enum(['bom', 'php-notice', 'trailing-html', 'both']),
    htmlErrorPage: z.object({
      always: z.boolean().optional(),
      atSteps: z.array(z.number().int()).optional(),
      httpStatus: z.number().int().optional(),
      commit: z.boolean().optional(),
    }),
    transportFaults: z.object({
      rate: z.number().min(0).max(1).optional(),
      kinds: z.array(faultKind).optional(),
      methods: z.array(z.string()).optional(),
      atSteps: z.array(z.object({ step: z.number().int(), kind: faultKind })).optional(),
      commit: z.boolean().optional(),
      hangMs: z.number().int().positive().optional(),
    }),
    zombie: z.object({
      freshAtStep: z.number().int().optional(),
      changeBackupidAtStep: z.number().int().optional(),
      stepBackwardsAtStep: z.number().int().optional(),
    }),
    wrongKey: z.boolean(),
    apiDisabled: z.boolean(),
    archiveSizeBytes: range,
    dbSizeBytes: z.number().int().positive(),
    partSizeBytes: z.number().int().positive(),
    countQuota: z.number().int().nonnegative(),
    ignoreListLimit: z.boolean(),
    seed: z.number().int(),
  })
  .partial()
  .strict()

export const nullableScenarioPatchSchema = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const withoutNulls = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null))
  const parsed = scenarioPatchSchema.safeParse(withoutNulls)
  if (!parsed.success)
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
})

export const siteConfigSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/),
  persona: z.enum(['wordpress', 'joomla']),
  key: z.string().min(1),
  edition: z.enum(['pro', 'core']).optional(),
  apiLevel: z.number().int().optional(),
  componentVersion: z.string().optional(),
  name: z.string().optional(),
  profiles: z.array(z.object({ id: z.number().int().positive(), name: z.string() })).optional(),
  seedHistory: z.number().int().nonnegative().max(100).optional(),
  scenario: scenarioPatchSchema.optional(),
})
