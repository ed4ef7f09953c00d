// Deliveries (one event to one channel) and how runners share them: a due delivery is claimed with a
// lease by a conditional update (like lib/db/run-claims.ts), so with several runner processes each
// attempt is made by one of them; the result is written only while the claim is still held.
import { randomUUID } from 'node:crypto'
import { db } from './client'

export interface DeliveryClaim {
  id: string
  token: string
  attempts: number
  kind: string
  payload: string
  channelId: string
}

/** Claims up to `max` due pending deliveries (unleased, or their lease ran out: the sender died). */
export async function claimDueDeliveries(
  owner: string,
  max: number,
  now: Date,
  leaseMs: number,
): Promise<DeliveryClaim[]> {
  if (max <= 0) return []
  const due = await db().notifyDelivery.findMany({
    where: { status: 'pending', nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    take: max,
    select: { id: true, leaseUntil: true },
  })
  const claimed: DeliveryClaim[] = []
  for (const d of due) {
    const token = `${owner}:${randomUUID()}`
    const n = await db().notifyDelivery.updateMany({
      // Compare-and-set on the lease we read: two runners reading the same row, one wins.
      where: { id: d.id, status: 'pending', leaseUntil: d.leaseUntil },
      data: { leaseOwner: token, leaseUntil: new Date(now.getTime() + leaseMs) },
    })
    if (n.count !== 1) continue
    const row = await db().notifyDelivery.findUnique({
      where: { id: d.id },
      select: { id: true, attempts: true, kind: true, channelId: true, event: { select: { payload: true } } },
    })
    if (row) claimed.push({ ...row, token, payload: row.event.payload ?? '{}' })
  }
  return claimed
}

export interface DeliveryOutcome {
  status: 'sent' | 'pending' | 'failed'
  attempts: number
  nextAttemptAt?: Date
  lastAnswer: string
  lastStatus: number | null
  sentAt?: Date
}

/** Records an attempt; false when the claim was lost (another runner took the delivery over). */
export async function finishDelivery(id: string, token: string, o: DeliveryOutcome): Promise<boolean> {
  const n = await db().notifyDelivery.updateMany({
    where: { id, leaseOwner: token },
    data: {
      status: o.status,
      attempts: o.attempts,
      lastAnswer: o.lastAnswer,
      lastStatus: o.lastStatus,
      leaseOwner: null,
      leaseUntil: null,
      ...(o.nextAttemptAt ? { nextAttemptAt: o.nextAttemptAt } : {}),
      ...(o.sentAt ? { sentAt: o.sentAt } : {}),
    },
  })
  return n.count === 1
}

export interface DeliveryRecord {
  id: string
  eventId: string
  channelId: string
  channelName: string
  siteId: string
  kind: string
  status: string
  attempts: number
  nextAttemptAt: Date
  lastAnswer: string | null
  lastStatus: number | null
  sentAt: Date | null
  createdAt: Date
}

export async function listDeliveryRows(
  f: { channelId?: string; status?: string; limit?: number } = {},
): Promise<DeliveryRecord[]> {
  const rows = await db().notifyDelivery.findMany({
    where: { ...(f.channelId ? { channelId: f.channelId } : {}), ...(f.status ? { status: f.status } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: f.limit ?? 100,
    select: {
      id: true,
      eventId: true,
      channelId: true,
      siteId: true,
      kind: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastAnswer: true,
      lastStatus: true,
      sentAt: true,
      createdAt: true,
      channel: { select: { name: true } },
    },
  })
  return rows.map(({ channel, ...r }) => ({ ...r, channelName: channel.name }))
}
