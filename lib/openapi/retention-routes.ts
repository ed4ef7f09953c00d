// Retention policies, their preview and a site's retention as documented (issue 14).
import {
  createRetentionPolicyInput,
  RETENTION_ACTIONS,
  updateRetentionPolicyInput,
  type RetentionPolicyDto,
  type RetentionPreview,
  type SiteRetentionDto,
} from '../domain/retention'
import { deletedSchema, iso, isoOrNull } from './common-schemas'
import type { RouteDoc } from './define-route'
import { archiveSchema } from './run-schemas'
import { z } from './zod'

const count = z.number().int().nullable()

export const retentionPolicySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tags: z.array(z.string()),
    siteIds: z.array(z.string()),
    keepLast: count,
    keepDays: count,
    keepWeekly: count,
    keepMonthly: count,
    action: z.enum(RETENTION_ACTIONS),
    includeForeign: z.boolean(),
    enabled: z.boolean(),
    createdAt: iso(),
    updatedAt: iso(),
  })
  .openapi('RetentionPolicy') satisfies z.ZodType<RetentionPolicyDto>

const retentionArchive = archiveSchema
  .extend({
    reasons: z.array(z.string()).openapi({ description: 'Why it is kept, or which policy removes it and how' }),
    action: z.enum(RETENTION_ACTIONS).optional(),
  })
  .openapi('RetentionArchive')

const previewFields = {
  remove: z.array(retentionArchive),
  keep: z.array(retentionArchive),
  summary: z.object({ removeCount: z.number().int(), siteCount: z.number().int(), bytes: z.number() }),
  unreadable: z.array(z.object({ siteId: z.string(), siteName: z.string(), message: z.string() })).optional(),
}

export const retentionPreviewSchema = z
  .object(previewFields)
  .openapi('RetentionPreview') satisfies z.ZodType<RetentionPreview>

export const siteRetentionSchema = z
  .object({
    ...previewFields,
    siteId: z.string(),
    policies: z.array(retentionPolicySchema),
    refusesDeletes: z.object({ at: iso(), message: z.string(), retryAfter: iso() }).nullable(),
    syncedAt: isoOrNull(),
  })
  .openapi('SiteRetention') satisfies z.ZodType<SiteRetentionDto>

const policy = z.object({ policy: retentionPolicySchema })
const TAG = 'Retention'

export const retentionRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/retention-policies',
    access: 'viewer',
    tag: TAG,
    summary: 'List retention policies',
    ok: { 200: { description: 'Policies', schema: z.object({ policies: z.array(retentionPolicySchema) }) } },
  },
  {
    method: 'post',
    path: '/api/retention-policies',
    access: 'admin',
    tag: TAG,
    summary: 'Create a retention policy',
    description: 'Scope: `siteIds`, `tags`, or neither (every site). At least one keep rule.',
    body: createRetentionPolicyInput,
    ok: { 201: { description: 'The policy', schema: policy } },
  },
  {
    method: 'get',
    path: '/api/retention-policies/{id}',
    access: 'viewer',
    tag: TAG,
    summary: 'A retention policy',
    ok: { 200: { description: 'The policy', schema: policy } },
  },
  {
    method: 'patch',
    path: '/api/retention-policies/{id}',
    access: 'admin',
    tag: TAG,
    summary: 'Change a retention policy',
    body: updateRetentionPolicyInput,
    ok: { 200: { description: 'The policy', schema: policy } },
  },
  {
    method: 'delete',
    path: '/api/retention-policies/{id}',
    access: 'admin',
    tag: TAG,
    summary: 'Delete a retention policy',
    ok: { 200: { description: 'Deleted', schema: deletedSchema } },
  },
  {
    method: 'get',
    path: '/api/retention-policies/{id}/preview',
    access: 'viewer',
    tag: TAG,
    summary: 'What the policy would keep and remove now',
    description:
      "Computed from each covered site's last read backup list, counting every enabled policy that covers the site (and this one). Sites never read or refusing deletes are listed in `unreadable`.",
    ok: { 200: { description: 'Preview', schema: retentionPreviewSchema } },
  },
  {
    method: 'get',
    path: '/api/sites/{id}/retention',
    access: 'viewer',
    tag: TAG,
    summary: 'The policies covering a site and what they keep and remove',
    ok: { 200: { description: "The site's retention", schema: siteRetentionSchema } },
  },
]
