// Response shapes of the schedules API, checked against the DTOs.
import type { ScheduleDto, ScheduleEvent } from '../domain/schedules'
import type { CronPreview } from '../schedule/manage-schedules'
import { iso, isoOrNull } from './common-schemas'
import { z } from './zod'

const lastResult = z.union([
  z.object({
    kind: z.literal('run'),
    runId: z.string(),
    status: z.string(),
    scheduledFor: isoOrNull(),
    at: iso(),
    errorMessage: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('skipped'),
    reason: z.string(),
    scheduledFor: isoOrNull(),
    at: iso(),
    runId: z.string().nullable(),
  }),
])

export const scheduleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    siteId: z.string().nullable(),
    siteName: z.string().nullable(),
    siteIsDemo: z.boolean(),
    tag: z.string().nullable(),
    cron: z.string(),
    cronText: z.string(),
    timezone: z.string(),
    profileId: z.number().int().nullable(),
    descriptionTemplate: z.string().nullable(),
    enabled: z.boolean(),
    runOnce: z.boolean(),
    staggerMinutes: z.number().int(),
    changedBy: z.string().nullable(),
    changeReason: z.string().nullable(),
    changedAt: isoOrNull(),
    nextFireAt: isoOrNull(),
    lastFireAt: isoOrNull(),
    createdAt: iso(),
    updatedAt: iso(),
    upcoming: z.array(iso()),
    sites: z.array(
      z.object({
        siteId: z.string(),
        siteName: z.string(),
        offsetSeconds: z.number().int(),
        nextStartAt: isoOrNull(),
        last: lastResult.nullable(),
      }),
    ),
  })
  .openapi('Schedule') satisfies z.ZodType<ScheduleDto>

export const scheduleEventSchema = z
  .object({
    id: z.string(),
    at: iso(),
    action: z.string(),
    actor: z.string().nullable(),
    siteId: z.string().nullable(),
    runId: z.string().nullable(),
    scheduleId: z.string(),
    scheduledFor: isoOrNull(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('ScheduleEvent') satisfies z.ZodType<ScheduleEvent>

export const cronPreviewSchema = z
  .object({ cronText: z.string(), timezone: z.string(), fires: z.array(iso()) })
  .openapi('CronPreview') satisfies z.ZodType<CronPreview>
