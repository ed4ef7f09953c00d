// Channel input at the boundary (POST and PATCH /api/channels). The target's form depends on the
// type: e-mail addresses, or the receiver's http(s) URL.
import { z } from 'zod'
import { safeText, singleLineText } from '../text/safe-text'
import { CHANNEL_TYPES, DELIVERY_STATUSES, NOTIFY_EVENTS, type ChannelType } from './types'

const EMAIL = /^[^\s@,<>"]+@[^\s@,<>"]+\.[^\s@,<>"]+$/

/** The target normalised for its type, or a message saying what is wrong. */
export function checkTarget(
  type: ChannelType,
  target: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const t = target.trim()
  if (type === 'email') {
    const list = t
      .split(/[,;\s]+/)
      .map((a) => a.trim())
      .filter(Boolean)
    if (!list.length) return { ok: false, message: 'give at least one e-mail address' }
    const bad = list.find((a) => !EMAIL.test(a))
    if (bad) return { ok: false, message: `${bad} is not an e-mail address` }
    return { ok: true, value: list.join(', ') }
  }
  let u: URL
  try {
    u = new URL(t)
  } catch {
    return { ok: false, message: 'must be a URL (https://…)' }
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { ok: false, message: 'must start with https:// or http://' }
  if (u.username || u.password) return { ok: false, message: 'must not contain a user name or password' }
  return { ok: true, value: u.toString() }
}

/**
 * The daily digest lists every site, so it goes to e-mail channels for all sites only (a channel
 * scoped to one client must not hear about the others). Null when the combination is fine.
 */
export function checkDigest(c: {
  type: ChannelType
  events: readonly string[]
  tags: readonly string[]
  siteIds: readonly string[]
}): string | null {
  if (!c.events.includes('digest')) return null
  if (c.type !== 'email') return 'the daily digest is sent by e-mail only'
  if (c.tags.length || c.siteIds.length)
    return 'the daily digest covers every site: choose all sites, or leave the digest out'
  return null
}

const name = safeText().trim().min(1, 'give the channel a name').max(100)
const target = singleLineText().min(1).max(2000)
const events = z.array(z.enum(NOTIFY_EVENTS)).min(1, 'choose at least one event').max(NOTIFY_EVENTS.length)
const tags = z.array(singleLineText().trim().min(1).max(100)).max(100)
const siteIds = z.array(singleLineText().min(1).max(64)).max(5000)
const reminderHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 30)

export const createChannelInput = z.strictObject({
  name,
  type: z.enum(CHANNEL_TYPES),
  target,
  events,
  tags: tags.optional(),
  siteIds: siteIds.optional(),
  reminderHours: reminderHours.optional(),
  enabled: z.boolean().optional(),
})
export type CreateChannelInput = z.infer<typeof createChannelInput>

export const updateChannelInput = z.strictObject({
  name: name.optional(),
  target: target.optional(),
  events: events.optional(),
  tags: tags.optional(),
  siteIds: siteIds.optional(),
  reminderHours: reminderHours.optional(),
  enabled: z.boolean().optional(),
  /** Webhooks only: a new signing secret, returned once in the answer. */
  rotateSecret: z.boolean().optional(),
})
export type UpdateChannelInput = z.infer<typeof updateChannelInput>

export const deliveriesQuery = z.object({
  channelId: singleLineText().max(64).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})
