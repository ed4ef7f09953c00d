// Response shapes of the sites API, checked against the DTOs (`satisfies`: a changed DTO breaks the build).
import type { SiteDto } from '../domain/sites'
import type { CheckResult } from '../sites/connect-site'
import { iso, isoOrNull } from './common-schemas'
import { z } from './zod'

const BACKUP_STATES = [
  'not_connected',
  'no_api',
  'running',
  'never',
  'failed',
  'obsolete',
  'too_old',
  'ok',
  'unknown',
] as const

export const siteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    baseUrl: z.string(),
    endpointUrl: z.string().nullable(),
    platform: z.string().nullable(),
    apiLevel: z.number().int().nullable(),
    akeebaVersion: z.string().nullable(),
    edition: z.string().nullable(),
    defaultProfileId: z.number().int(),
    hostGroup: z.string().nullable(),
    hostKey: z.string(),
    tags: z.array(z.string()),
    maxBackupAgeHours: z.number().int(),
    connectionStatus: z.string(),
    connectionError: z.string().nullable(),
    lastCheckedAt: isoOrNull(),
    isDemo: z.boolean(),
    archivesSyncedAt: isoOrNull(),
    createdAt: iso(),
    profiles: z.array(z.object({ id: z.number().int(), name: z.string() })),
    backupState: z.enum(BACKUP_STATES),
    activeRun: z
      .object({
        id: z.string(),
        status: z.string(),
        progress: z.number(),
        domain: z.string().nullable(),
        startedAt: isoOrNull(),
      })
      .nullable(),
    lastRun: z
      .object({
        id: z.string(),
        status: z.string(),
        finishedAt: isoOrNull(),
        errorMessage: z.string().nullable(),
        warningsCount: z.number().int(),
      })
      .nullable(),
    lastSuccessAt: isoOrNull(),
    nextBackupAt: isoOrNull(),
  })
  .openapi('Site', { description: 'A site as every page shows it; never its key.' }) satisfies z.ZodType<SiteDto>

export const siteCheckSchema = z
  .object({
    ok: z.boolean(),
    cause: z.string().optional(),
    message: z.string().optional(),
    advice: z.string().optional(),
    endpoint: z.object({ url: z.string(), platform: z.string() }).optional(),
    version: z.object({ api: z.number(), component: z.string(), edition: z.string(), date: z.string() }).optional(),
    profiles: z.array(z.object({ id: z.number().int(), name: z.string() })).optional(),
    suggestedName: z.string().openapi({ description: "The home page's <title>, cleaned; else the host name" }),
  })
  .openapi('SiteCheck') satisfies z.ZodType<Omit<CheckResult, 'cause'> & { cause?: string }>
