// "Send test": one message to the channel now, outside the outbox, and the receiver's answer.
import { randomUUID } from 'node:crypto'
import { notFound } from '../api/errors'
import { publicBaseUrl } from '../auth/public-url'
import { recordAudit } from '../db/audit'
import { channelSecretOf, findChannelRow } from '../db/notify-channels'
import { decryptSiteKey } from '../secrets/site-key-cipher'
import { sendToChannel } from './send'
import type { ChannelType, NotifyPayload, TestResult } from './types'

export async function testChannel(id: string): Promise<TestResult> {
  const ch = await findChannelRow(id)
  if (!ch) throw notFound('channel', id)
  const base = publicBaseUrl()
  const payload: NotifyPayload = {
    id: `test_${randomUUID()}`,
    event: 'test',
    occurredAt: new Date().toISOString(),
    site: { id: 'test', name: 'Stepwise', url: base },
    details: { sitePageUrl: `${base}/notifications`, channel: ch.name },
  }
  const stored = ch.type === 'webhook' ? await channelSecretOf(id) : null
  const r = await sendToChannel(
    { type: ch.type as ChannelType, target: ch.target, secret: stored ? decryptSiteKey(stored) : null },
    payload,
    payload.id,
  )
  await recordAudit('channel.tested', {
    details: { channelId: id, name: ch.name, ok: r.ok, answer: r.answer.slice(0, 200) },
  })
  return { ok: r.ok, status: r.status, answer: r.answer }
}
