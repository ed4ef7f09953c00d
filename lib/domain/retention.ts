// Retention policies and what they keep or remove (issue 14): the API contract the policies page, the
// per-site panel and lib/retention share. Field names and shapes do not change.
import { z } from 'zod'
import { safeText, singleLineText } from '../text/safe-text'
import type { ArchiveDto } from './archives'

export const RETENTION_ACTIONS = ['delete_files', 'delete_records'] as const
/** delete_files: Akeeba's deleteFiles (the record stays); delete_records: Akeeba's delete (all of it). */
export type RetentionAction = (typeof RETENTION_ACTIONS)[number]

export interface RetentionPolicyDto {
  id: string
  name: string
  /** Scope as for alert channels: these sites, sites with these tags, or (both empty) every site. */
  tags: string[]
  siteIds: string[]
  /** The newest N complete backups with files. */
  keepLast: number | null
  /** Every backup that started in the last N days. */
  keepDays: number | null
  /** The newest complete backup with files of each of the newest N ISO weeks (UTC) that have one. */
  keepWeekly: number | null
  /** The same per calendar month (UTC). */
  keepMonthly: number | null
  action: RetentionAction
  /** Also touch records Stepwise did not create (no run marker). */
  includeForeign: boolean
  enabled: boolean
  createdAt: string
  updatedAt: string
}

/**
 * An archive with why it is kept or removed. Kept: "newest complete backup with files", "frozen",
 * "running", "failed, newer than the newest good backup", "not created by Stepwise",
 * "keepLast 7 (policy Nightly)", "within 30 days (policy Nightly)", "weekly 2026-W47 (policy Nightly)",
 * "monthly 2026-11 (policy Nightly)", "no files on the site". Removed: "policy Nightly: delete files".
 */
export interface RetentionArchive extends ArchiveDto {
  reasons: string[]
  /** On archives to remove only: what will be done (the milder action wins when policies differ). */
  action?: RetentionAction
}

export interface RetentionUnreadable {
  siteId: string
  siteName: string
  message: string
}

export interface RetentionSummary {
  /** Archives that would be removed (or have their files removed). */
  removeCount: number
  /** Sites with at least one archive to remove. */
  siteCount: number
  /** Bytes freed on the sites (the total size of archives whose files go). */
  bytes: number
}

/** GET /api/retention-policies/{id}/preview: for the policy's sites, what the sweep would do now,
 *  from each site's last read list (every enabled policy that covers a site counts, as in a sweep). */
export interface RetentionPreview {
  remove: RetentionArchive[]
  keep: RetentionArchive[]
  summary: RetentionSummary
  /** Sites left out: their list was never read, or the site refuses deletes. */
  unreadable?: RetentionUnreadable[]
}

/** A site that answered a delete with a refusal (Joomla 9.3.3): not asked again until `retryAfter`,
 *  or until the site is re-checked. */
export interface RetentionRefusal {
  at: string
  message: string
  retryAfter: string
}

/** GET /api/sites/{id}/retention: the policies that cover the site and what they keep and remove. */
export interface SiteRetentionDto extends RetentionPreview {
  siteId: string
  policies: RetentionPolicyDto[]
  refusesDeletes: RetentionRefusal | null
  /** When the site's list (which this is computed from) was last read; null = never. */
  syncedAt: string | null
}

// ---- input (POST and PATCH /api/retention-policies) -----------------------------------------------

const name = safeText().trim().min(1, 'give the policy a name').max(100)
const tags = z.array(singleLineText().trim().min(1).max(100)).max(100)
const siteIds = z.array(singleLineText().min(1).max(64)).max(5000)
const count = (max: number) => z.number().int().min(1).max(max).nullable()

const fields = {
  name,
  tags: tags.optional(),
  siteIds: siteIds.optional(),
  keepLast: count(1000).optional(),
  keepDays: count(3650).optional(),
  keepWeekly: count(520).optional(),
  keepMonthly: count(240).optional(),
  action: z.enum(RETENTION_ACTIONS).optional(),
  includeForeign: z.boolean().optional(),
  enabled: z.boolean().optional(),
}

export const KEEP_FIELDS = ['keepLast', 'keepDays', 'keepWeekly', 'keepMonthly'] as const

/** A policy that keeps nothing would remove all but the newest good backup: at least one rule. */
export function keepsSomething(p: Partial<Record<(typeof KEEP_FIELDS)[number], number | null>>): boolean {
  return KEEP_FIELDS.some((k) => typeof p[k] === 'number' && p[k] > 0)
}

export const NO_KEEP_RULE = 'give at least one of keepLast, keepDays, keepWeekly, keepMonthly'

export const createRetentionPolicyInput = z.strictObject(fields).superRefine((v, ctx) => {
  if (!keepsSomething(v)) ctx.addIssue({ code: 'custom', path: ['keepLast'], message: NO_KEEP_RULE })
})
export type CreateRetentionPolicyInput = z.infer<typeof createRetentionPolicyInput>

/** Every field optional; the merged policy must still keep something (checked by lib/retention). */
export const updateRetentionPolicyInput = z.strictObject({ ...fields, name: name.optional() })
export type UpdateRetentionPolicyInput = z.infer<typeof updateRetentionPolicyInput>
