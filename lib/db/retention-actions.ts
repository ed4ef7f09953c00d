// Durable retention intents: a row written before a delete is asked of a site, settled after the
// site's list is read back. A row still pending after its process died is settled by the next pass
// over the site from a fresh list (lib/retention/apply-site.ts), never by assumption.
import { db } from './client'

export type IntentStatus = 'pending' | 'done' | 'refused' | 'unconfirmed'

export interface IntentRecord {
  id: string
  siteId: string
  archiveId: string
  remoteId: number
  action: string
  status: string
  trigger: string
  owner: string
  policies: string[]
  message: string | null
  createdAt: Date
  finishedAt: Date | null
}

export interface IntentWrite {
  siteId: string
  archiveId: string
  remoteId: number
  action: string
  trigger: string
  owner: string
  policies: string[]
}

type Row = Omit<IntentRecord, 'policies'> & { policies: string }

const toRecord = (r: Row): IntentRecord => ({ ...r, policies: JSON.parse(r.policies) as string[] })

export async function insertIntent(w: IntentWrite): Promise<string> {
  const r = await db().retentionAction.create({
    data: { ...w, policies: JSON.stringify(w.policies) },
    select: { id: true },
  })
  return r.id
}

/** Settles a pending intent once; false when it was already settled (by a recovery pass). */
export async function settleIntent(id: string, status: Exclude<IntentStatus, 'pending'>, message: string | null) {
  const n = await db().retentionAction.updateMany({
    where: { id, status: 'pending' },
    data: { status, message: message?.slice(0, 2000) ?? null, finishedAt: new Date() },
  })
  return n.count === 1
}

export async function pendingIntents(siteId: string): Promise<IntentRecord[]> {
  const rows = await db().retentionAction.findMany({
    where: { siteId, status: 'pending' },
    orderBy: { createdAt: 'asc' },
  })
  return rows.map(toRecord)
}

/** Sites with pending intents (a sweep settles them even when no policy covers the site any more). */
export async function sitesWithPendingIntents(): Promise<string[]> {
  const rows = await db().retentionAction.findMany({
    where: { status: 'pending' },
    distinct: ['siteId'],
    select: { siteId: true },
  })
  return rows.map((r) => r.siteId)
}

export async function listIntents(f: { siteId?: string; limit?: number } = {}): Promise<IntentRecord[]> {
  const rows = await db().retentionAction.findMany({
    where: f.siteId ? { siteId: f.siteId } : {},
    orderBy: { createdAt: 'desc' },
    take: Math.min(f.limit ?? 500, 5000),
  })
  return rows.map(toRecord)
}
