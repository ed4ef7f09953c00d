// One delivery attempt to one channel: the payload in the channel's own format, to its target.
import { createHmac } from 'node:crypto'
import { digestEmailMessage } from './digest-email'
import { emailMessage } from './email-message'
import { discordMessage, ntfyMessage, slackMessage, webhookMessage, type HttpMessage } from './formats'
import { postTo, type PostResult } from './http-post'
import { sendMail } from './mailer'
import type { ChannelType, NotifyPayload } from './types'

export const SIGNATURE_HEADER = 'X-Stepwise-Signature'
export const DELIVERY_HEADER = 'X-Stepwise-Delivery'

/** `sha256=<hex>` of the exact bytes sent. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

export interface SendTarget {
  type: ChannelType
  target: string
  /** The webhook's signing secret, decrypted. */
  secret: string | null
}

/**
 * `deliveryId` is the same on every retry of one delivery, so a receiver can drop duplicates (a
 * retry after we sent but never saw the answer).
 */
export async function sendToChannel(ch: SendTarget, payload: NotifyPayload, deliveryId: string): Promise<PostResult> {
  if (ch.type === 'email')
    return sendMail(ch.target, payload.event === 'digest' ? digestEmailMessage(payload) : emailMessage(payload))
  const m: HttpMessage =
    ch.type === 'slack'
      ? slackMessage(payload)
      : ch.type === 'discord'
        ? discordMessage(payload)
        : ch.type === 'ntfy'
          ? ntfyMessage(payload)
          : webhookMessage(payload)
  const headers: Record<string, string> = { 'content-type': m.contentType, ...m.headers }
  if (ch.type === 'webhook') {
    headers[DELIVERY_HEADER] = deliveryId
    if (ch.secret) headers[SIGNATURE_HEADER] = signBody(ch.secret, m.body)
  }
  return postTo(ch.target, m.body, headers)
}
