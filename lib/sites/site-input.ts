// Request bodies for the sites API, parsed once at the boundary (STYLE.md rule 9).
import { z } from 'zod'

const url = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(/^[a-z]+:\/\//i.test(v) ? v : `https://${v}`)
      return u.protocol === 'http:' || u.protocol === 'https:'
    } catch {
      return false
    }
  }, 'must be a web address such as https://example.com')
const tags = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[^,]+$/, 'tags cannot contain commas'),
  )
  .max(20)

export const checkSiteInput = z.object({
  url,
  key: z.string().min(1, 'is required').max(500),
})

export const createSiteInput = checkSiteInput.extend({
  name: z.string().trim().min(1, 'is required').max(120),
  hostGroup: z.string().trim().max(120).optional().nullable(),
  tags: tags.optional().default([]),
  maxBackupAgeHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .optional(),
  /** Save even when the connection check fails (the site shows as not connected). */
  saveIfUnreachable: z.boolean().optional().default(false),
})

export const updateSiteInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(120).optional(),
    url: url.optional(),
    key: z.string().min(1, 'is required').max(500).optional(),
    hostGroup: z.string().trim().max(120).nullable().optional(),
    tags: tags.optional(),
    maxBackupAgeHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 365)
      .optional(),
    defaultProfileId: z.number().int().min(1).optional(),
  })
  .strict()

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
