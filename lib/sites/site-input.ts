// Request bodies for the sites API, parsed once at the boundary (STYLE.md rule 9). What a person can
// get wrong in their own input is a 400 naming the field; what the site then says is connect-site's.
import { z } from 'zod'
import { parseSiteUrl } from '../akeeba/site-url'
import { safeText, singleLineText } from '../text/safe-text'

/** Akeeba itself refuses weak Secret Words; a short key also makes redaction hit ordinary words. */
export const MIN_KEY_LENGTH = 16

const url = singleLineText()
  .trim()
  .min(1, 'is required')
  .max(2000)
  .refine((v) => !/\s/.test(v), 'must not contain spaces')
  .refine(
    (v) => parseSiteUrl(v) !== null,
    'must be a web address such as https://example.com (no user name or password)',
  )
const key = singleLineText()
  .min(1, 'is required')
  .min(MIN_KEY_LENGTH, `must be at least ${MIN_KEY_LENGTH} characters (Akeeba needs a strong Secret Word)`)
  .max(500)
const name = safeText().trim().min(1, 'is required').max(120)
const hostGroup = safeText().trim().max(120)
const tags = z
  .array(
    safeText()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[^,]+$/, 'tags cannot contain commas'),
  )
  .max(20)
const maxBackupAgeHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 365)

export const checkSiteInput = z.object({ url, key })

export const createSiteInput = checkSiteInput.extend({
  name,
  hostGroup: hostGroup.optional().nullable(),
  tags: tags.optional().default([]),
  maxBackupAgeHours: maxBackupAgeHours.optional(),
  /** Save even when the connection check fails (the site shows as not connected). */
  saveIfUnreachable: z.boolean().optional().default(false),
})

export const updateSiteInput = z
  .object({
    name: name.optional(),
    url: url.optional(),
    key: key.optional(),
    hostGroup: hostGroup.nullable().optional(),
    tags: tags.optional(),
    maxBackupAgeHours: maxBackupAgeHours.optional(),
    defaultProfileId: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // The stored key never goes to a new address: whoever answers there would receive it.
    if (v.url !== undefined && v.key === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: "is required when the address changes (enter the site's Secret Word again)",
      })
  })

export type CreateSiteInput = z.infer<typeof createSiteInput>
export type UpdateSiteInput = z.infer<typeof updateSiteInput>

export function normalizeUrl(v: string): string {
  return /^[a-z]+:\/\//i.test(v) ? v : `https://${v}`
}

/** Sites on one shared server are limited together: the host group, else the host name. */
export function hostKeyOf(baseUrl: string, hostGroup: string | null | undefined): string {
  return hostGroup?.trim()
    ? `group:${hostGroup.trim().toLowerCase()}`
    : `host:${new URL(baseUrl).hostname.toLowerCase()}`
}
