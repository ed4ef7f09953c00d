// Response shapes of runs and archives, checked against the DTOs.
import type { ArchiveDto } from '../domain/archives'
import { RUN_STATUSES } from '../domain/run-status'
import type { RunDto, StepDto } from '../domain/runs'
import type { BulkResult } from '../runs/start-run'
import { iso, isoOrNull } from './common-schemas'
import { z } from './zod'

export const runSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    profileId: z.number().int(),
    description: z.string().nullable(),
    trigger: z.string(),
    requestedBy: z.string().nullable(),
    scheduleId: z.string().nullable(),
    status: z.enum(RUN_STATUSES),
    phase: z.string(),
    domain: z.string().nullable(),
    step: z.string().nullable(),
    substep: z.string().nullable(),
    progress: z.number(),
    backupType: z.string().nullable(),
    warningsCount: z.number().int(),
    archiveName: z.string().nullable(),
    remoteBackupId: z.string().nullable(),
    remoteRecordId: z.number().int().nullable(),
    lastStepNumber: z.number().int().nullable(),
    retryCount: z.number().int(),
    errorKind: z.string().nullable(),
    errorMessage: z.string().nullable(),
    cancelRequested: z.boolean(),
    createdAt: iso(),
    startedAt: isoOrNull(),
    finishedAt: isoOrNull(),
    updatedAt: iso(),
    nextTickAt: isoOrNull(),
  })
  .openapi('Run') satisfies z.ZodType<RunDto>

export const stepSchema = z
  .object({
    seq: z.number().int(),
    call: z.string(),
    stepNumber: z.number().int().nullable(),
    domain: z.string().nullable(),
    step: z.string().nullable(),
    substep: z.string().nullable(),
    progress: z.number().nullable(),
    warnings: z.array(z.string()),
    error: z.string().nullable(),
    errorKind: z.string().nullable(),
    sleepTime: z.number().nullable(),
    stepState: z.string().nullable(),
    httpStatus: z.number().int(),
    envelopeStatus: z.number().int().nullable(),
    durationMs: z.number(),
    rawBody: z.string().optional(),
    createdAt: iso(),
  })
  .openapi('Step', { description: 'One API call of a run.' }) satisfies z.ZodType<StepDto>

export const bulkResultSchema = z
  .object({
    queued: z.array(runSchema),
    skipped: z.array(z.object({ siteId: z.string(), siteName: z.string(), reason: z.string() })),
  })
  .openapi('BulkResult') satisfies z.ZodType<BulkResult>

export const archiveSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    siteIsDemo: z.boolean(),
    remoteId: z.number().int(),
    runId: z.string().nullable(),
    description: z.string(),
    comment: z.string(),
    status: z.string(),
    meta: z.string().nullable(),
    type: z.string(),
    origin: z.string(),
    profileId: z.number().int(),
    archiveName: z.string(),
    multipart: z.number().int(),
    totalSize: z.number(),
    backupStart: isoOrNull(),
    backupEnd: isoOrNull(),
    durationMs: z.number().nullable(),
    filesExist: z.boolean(),
    frozen: z.boolean(),
    remoteFilename: z.string().nullable(),
    parts: z.array(z.object({ part: z.number().int(), name: z.string(), size: z.number() })).nullable(),
    goneFromSite: z.boolean(),
    syncedAt: iso(),
  })
  .openapi('Archive', {
    description: "A backup record on the site (Akeeba's archive list).",
  }) satisfies z.ZodType<ArchiveDto>

export const archiveDeleteSchema = z
  .object({ archive: archiveSchema.nullable(), archives: z.array(archiveSchema) })
  .openapi('ArchiveDeleteResult')
