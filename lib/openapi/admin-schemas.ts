// Response shapes of users, tokens, notifications, audit, health and setup, checked against the DTOs.
import type { AuditEventDto } from '../audit/list-audit'
import type { ApiTokenDto } from '../auth/api-tokens'
import type { SetupState } from '../auth/setup'
import type { SessionDto, UserDto } from '../auth/users'
import { ROLES } from '../domain/roles'
import type { HealthReport } from '../health/health-report'
import {
  CHANNEL_TYPES,
  DELIVERY_STATUSES,
  NOTIFY_EVENTS,
  type ChannelDto,
  type DeliveryDto,
  type TestResult,
} from '../notify/types'
import { iso, isoOrNull } from './common-schemas'
import { z } from './zod'

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    twoFactorEnabled: z.boolean(),
    createdAt: iso(),
  })
  .openapi('User') satisfies z.ZodType<UserDto>

export const sessionSchema = z
  .object({
    id: z.string(),
    createdAt: iso(),
    lastActiveAt: iso(),
    expiresAt: iso(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('Session') satisfies z.ZodType<SessionDto>

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    prefix: z.string(),
    createdBy: z.string().nullable(),
    createdAt: iso(),
    expiresAt: isoOrNull(),
    lastUsedAt: isoOrNull(),
    revokedAt: isoOrNull(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .openapi('ApiToken') satisfies z.ZodType<ApiTokenDto>

export const channelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(CHANNEL_TYPES),
    target: z.string().openapi({ description: 'URL channels: scheme and host only (the rest is the credential).' }),
    targetMasked: z.boolean(),
    events: z.array(z.enum(NOTIFY_EVENTS)),
    tags: z.array(z.string()),
    siteIds: z.array(z.string()),
    hasSecret: z.boolean(),
    reminderHours: z.number().int(),
    enabled: z.boolean(),
    createdAt: iso(),
    updatedAt: iso(),
  })
  .openapi('Channel') satisfies z.ZodType<ChannelDto>

export const channelWriteSchema = z
  .object({
    channel: channelSchema,
    secret: z.string().optional().openapi({ description: "A webhook's signing secret, in this answer only." }),
  })
  .openapi('ChannelWriteResult')

export const deliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    channelId: z.string(),
    channelName: z.string(),
    siteId: z.string(),
    event: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: iso(),
    lastAnswer: z.string().nullable(),
    lastStatus: z.number().int().nullable(),
    sentAt: isoOrNull(),
    createdAt: iso(),
  })
  .openapi('Delivery') satisfies z.ZodType<DeliveryDto>

export const testResultSchema = z
  .object({ ok: z.boolean(), status: z.number().int().nullable(), answer: z.string() })
  .openapi('ChannelTestResult') satisfies z.ZodType<TestResult>

export const auditEventSchema = z
  .object({
    id: z.string(),
    at: iso(),
    actor: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    siteId: z.string().nullable(),
    siteName: z.string().nullable(),
    runId: z.string().nullable(),
    archiveId: z.string().nullable(),
    scheduleId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent') satisfies z.ZodType<AuditEventDto>

const database = z.object({
  kind: z.enum(['sqlite', 'postgresql']),
  reachable: z.boolean(),
  migration: z.string().nullable(),
  error: z.string().optional(),
})

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database,
    runner: z
      .object({
        inProcess: z.boolean(),
        local: z
          .object({
            id: z.string(),
            kind: z.string(),
            running: z.boolean(),
            inflight: z.number().int(),
            ticks: z.number().int(),
            startedAt: iso(),
          })
          .nullable(),
        alive: z.number().int(),
        runners: z.array(
          z.object({
            id: z.string(),
            kind: z.string(),
            pid: z.number().int(),
            host: z.string(),
            startedAt: iso(),
            lastSeenAt: iso(),
            alive: z.boolean(),
          }),
        ),
      })
      .optional()
      .openapi({ description: 'Only for a signed-in user or a token; anonymous callers get status and database.' }),
  })
  .openapi('Health') satisfies z.ZodType<Partial<HealthReport>>

export const setupStateSchema = z
  .object({ needed: z.boolean(), codeRequired: z.boolean() })
  .openapi('SetupState') satisfies z.ZodType<SetupState>

export const actorSchema = z
  .object({
    kind: z.enum(['user', 'token']),
    id: z.string(),
    label: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
  })
  .openapi('Actor')
