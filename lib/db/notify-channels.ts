// Alert channels: rows ↔ plain records. The encrypted webhook secret is selected only by
// channelSecretOf (the dispatcher signs with it); every other read leaves it out.
import type { Prisma } from '../../generated/sqlite/client'
import { db } from './client'

export interface ChannelRecord {
  id: string
  name: string
  type: string
  target: string
  events: string[]
  tags: string[]
  siteIds: string[]
  hasSecret: boolean
  reminderHours: number
  enabled: boolean
  createdAt: Date
  updatedAt: Date
}

const SELECT = {
  id: true,
  name: true,
  type: true,
  target: true,
  events: true,
  tags: true,
  siteIds: true,
  reminderHours: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  secretEncrypted: true,
} as const satisfies Prisma.NotifyChannelSelect

const list = (s: string): string[] => {
  try {
    const v: unknown = JSON.parse(s)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

type Row = Prisma.NotifyChannelGetPayload<{ select: typeof SELECT }>

function toRecord(r: Row): ChannelRecord {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    target: r.target,
    events: list(r.events),
    tags: list(r.tags),
    siteIds: list(r.siteIds),
    hasSecret: r.secretEncrypted !== null,
    reminderHours: r.reminderHours,
    enabled: r.enabled,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

export interface ChannelWrite {
  name?: string
  type?: string
  target?: string
  events?: string[]
  tags?: string[]
  siteIds?: string[]
  secretEncrypted?: string | null
  reminderHours?: number
  enabled?: boolean
}

function data(w: ChannelWrite) {
  return {
    ...(w.name !== undefined ? { name: w.name } : {}),
    ...(w.type !== undefined ? { type: w.type } : {}),
    ...(w.target !== undefined ? { target: w.target } : {}),
    ...(w.events !== undefined ? { events: JSON.stringify(w.events) } : {}),
    ...(w.tags !== undefined ? { tags: JSON.stringify(w.tags) } : {}),
    ...(w.siteIds !== undefined ? { siteIds: JSON.stringify(w.siteIds) } : {}),
    ...(w.secretEncrypted !== undefined ? { secretEncrypted: w.secretEncrypted } : {}),
    ...(w.reminderHours !== undefined ? { reminderHours: w.reminderHours } : {}),
    ...(w.enabled !== undefined ? { enabled: w.enabled } : {}),
  }
}

export async function listChannelRows(opts: { enabledOnly?: boolean } = {}): Promise<ChannelRecord[]> {
  const rows = await db().notifyChannel.findMany({
    where: opts.enabledOnly ? { enabled: true } : {},
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: SELECT,
  })
  return rows.map(toRecord)
}

export async function findChannelRow(id: string): Promise<ChannelRecord | null> {
  const r = await db().notifyChannel.findUnique({ where: { id }, select: SELECT })
  return r ? toRecord(r) : null
}

export async function insertChannel(
  w: ChannelWrite & { name: string; type: string; target: string },
): Promise<ChannelRecord> {
  return toRecord(
    await db().notifyChannel.create({
      data: { ...data(w), name: w.name, type: w.type, target: w.target },
      select: SELECT,
    }),
  )
}

/** Null when the channel does not exist. */
export async function updateChannelRow(id: string, w: ChannelWrite): Promise<ChannelRecord | null> {
  const n = await db().notifyChannel.updateMany({ where: { id }, data: data(w) })
  return n.count === 1 ? findChannelRow(id) : null
}

export async function deleteChannelRow(id: string): Promise<boolean> {
  return (await db().notifyChannel.deleteMany({ where: { id } })).count === 1
}

/** The stored (encrypted) webhook secret: for the dispatcher only. */
export async function channelSecretOf(id: string): Promise<string | null> {
  const r = await db().notifyChannel.findUnique({ where: { id }, select: { secretEncrypted: true } })
  return r?.secretEncrypted ?? null
}
