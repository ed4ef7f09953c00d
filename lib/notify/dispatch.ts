// Sends due deliveries: claimed with a lease (lib/db/notify-deliveries.ts, once per attempt across
// runners), sent, and the receiver's answer recorded. A failure is retried with doubling waits and
// ends as failed after STEPWISE_NOTIFY_MAX_ATTEMPTS. A sender that dies mid-send leaves its lease to
// expire; the delivery is then sent again with the same delivery id (the receiver may drop it).
import { config } from '../config'
import { channelSecretOf, findChannelRow } from '../db/notify-channels'
import { claimDueDeliveries, finishDelivery, type DeliveryClaim } from '../db/notify-deliveries'
import { logger } from '../log'
import { decryptSiteKey } from '../secrets/site-key-cipher'
import { nextAttemptDelayMs } from './backoff'
import type { PostResult } from './http-post'
import { sendToChannel } from './send'
import type { ChannelType, NotifyPayload } from './types'

/** Longer than any send (HTTP 15 s, SMTP 30 s): a live sender never loses its claim. */
export const DELIVERY_LEASE_MS = 120_000

async function attempt(c: DeliveryClaim): Promise<PostResult> {
  const ch = await findChannelRow(c.channelId)
  if (!ch) return { ok: false, status: null, answer: 'The channel was deleted.' }
  if (!ch.enabled) return { ok: false, status: null, answer: 'The channel is disabled.' }
  const stored = ch.type === 'webhook' ? await channelSecretOf(ch.id) : null
  const payload = JSON.parse(c.payload) as NotifyPayload
  return sendToChannel(
    { type: ch.type as ChannelType, target: ch.target, secret: stored ? decryptSiteKey(stored) : null },
    payload,
    c.id,
  )
}

export async function dispatchDue(owner: string, now = new Date(), max = 20): Promise<number> {
  const c = config()
  const claims = await claimDueDeliveries(owner, max, now, DELIVERY_LEASE_MS)
  await Promise.all(
    claims.map(async (d) => {
      const r = await attempt(d).catch((e: unknown): PostResult => ({
        ok: false,
        status: null,
        answer: e instanceof Error ? e.message : String(e),
      }))
      const attempts = d.attempts + 1
      const done = new Date()
      const last = r.ok || attempts >= c.STEPWISE_NOTIFY_MAX_ATTEMPTS
      const ok = await finishDelivery(d.id, d.token, {
        status: r.ok ? 'sent' : last ? 'failed' : 'pending',
        attempts,
        lastAnswer: r.answer.slice(0, 1_000),
        lastStatus: r.status,
        ...(r.ok ? { sentAt: done } : {}),
        ...(!last
          ? { nextAttemptAt: new Date(done.getTime() + nextAttemptDelayMs(attempts, c.STEPWISE_NOTIFY_RETRY_FIRST_MS)) }
          : {}),
      })
      if (!r.ok)
        logger().warn(
          { delivery: d.id, kind: d.kind, attempts, answer: r.answer },
          last ? 'alert not delivered' : 'alert delivery failed; will retry',
        )
      if (!ok) logger().warn({ delivery: d.id }, 'alert delivery claim lost before its result was recorded')
    }),
  )
  return claims.length
}
