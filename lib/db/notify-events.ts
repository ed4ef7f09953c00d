// The notification outbox: events written in the transaction of the state change that causes them,
// fanned out once to the channels that want them (a conditional update: with several runners only
// one fans out an event), and the per-site alert state that makes a state change alert only once.
import type { Prisma } from '../../generated/sqlite/client'
import { db, type Db } from './client'
import { isUniqueViolation } from './errors'

type Client = Db | Prisma.TransactionClient

export interface EventWrite {
  kind: string
  siteId: string
  runId?: string | null
  details?: unknown
  occurredAt?: Date
}

export async function insertNotifyEvent(e: EventWrite, client: Client = db()): Promise<string> {
  const row = await client.notifyEvent.create({
    data: {
      kind: e.kind,
      siteId: e.siteId,
      runId: e.runId ?? null,
      details: JSON.stringify(e.details ?? {}),
      ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
    },
    select: { id: true },
  })
  return row.id
}

export interface EventRecord {
  id: string
  kind: string
  siteId: string
  runId: string | null
  details: Record<string, unknown>
  occurredAt: Date
}

const parseObject = (s: string): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(s)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** Events not yet fanned out to channels, oldest first. */
export async function unfannedEvents(max = 100): Promise<EventRecord[]> {
  const rows = await db().notifyEvent.findMany({
    where: { fannedAt: null },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    take: max,
    select: { id: true, kind: true, siteId: true, runId: true, details: true, occurredAt: true },
  })
  return rows.map((r) => ({ ...r, details: parseObject(r.details) }))
}

/**
 * Fixes the event's payload and creates its deliveries, once: the event is marked fanned out by a
 * conditional update in the same transaction, so a second runner doing the same finds nothing to do.
 * Returns the number of deliveries created (null when someone else fanned it out first).
 */
export async function fanOutEvent(
  eventId: string,
  payload: string,
  deliveries: { channelId: string; siteId: string; kind: string }[],
  now: Date,
): Promise<number | null> {
  try {
    return await db().$transaction(async (tx) => {
      const n = await tx.notifyEvent.updateMany({
        where: { id: eventId, fannedAt: null },
        data: { fannedAt: now, payload },
      })
      if (n.count !== 1) return null
      for (const d of deliveries)
        await tx.notifyDelivery.create({ data: { eventId, ...d, nextAttemptAt: now, createdAt: now } })
      return deliveries.length
    })
  } catch (e) {
    if (isUniqueViolation(e)) return null
    throw e
  }
}

/** For each channel: when it was last given a delivery of one of `kinds` about this site. */
export async function lastDeliveredAt(
  siteId: string,
  kinds: string[],
  channelIds: string[],
): Promise<Map<string, Date>> {
  if (!channelIds.length) return new Map()
  const rows = await db().notifyDelivery.groupBy({
    by: ['channelId'],
    where: { siteId, kind: { in: kinds }, channelId: { in: channelIds }, status: { not: 'suppressed' } },
    _max: { createdAt: true },
  })
  return new Map(rows.filter((r) => r._max.createdAt).map((r) => [r.channelId, r._max.createdAt!]))
}

export interface RunFacts {
  id: string
  siteId: string
  status: string
  errorKind: string | null
  errorMessage: string | null
  warningsCount: number
  archiveName: string | null
  startedAt: Date | null
  finishedAt: Date | null
}

const RUN_FACTS = {
  id: true,
  siteId: true,
  status: true,
  errorKind: true,
  errorMessage: true,
  warningsCount: true,
  archiveName: true,
  startedAt: true,
  finishedAt: true,
} as const

export function runFacts(runId: string): Promise<RunFacts | null> {
  return db().backupRun.findUnique({ where: { id: runId }, select: RUN_FACTS })
}

/** The site's outcome run (succeeded, failed, timed out) that finished before this one. */
export function previousOutcomeRun(siteId: string, before: { id: string; finishedAt: Date }): Promise<RunFacts | null> {
  return db().backupRun.findFirst({
    where: {
      siteId,
      id: { not: before.id },
      status: { in: ['succeeded', 'failed', 'timed_out'] },
      finishedAt: { lte: before.finishedAt },
    },
    orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
    select: RUN_FACTS,
  })
}

export async function siteFacts(
  siteId: string,
): Promise<{ id: string; name: string; baseUrl: string; tags: string[] } | null> {
  const r = await db().site.findUnique({
    where: { id: siteId },
    select: { id: true, name: true, baseUrl: true, tags: true },
  })
  if (!r) return null
  let tags: string[] = []
  try {
    const v: unknown = JSON.parse(r.tags)
    if (Array.isArray(v)) tags = v.filter((t): t is string => typeof t === 'string')
  } catch {
    tags = []
  }
  return { ...r, tags }
}

/** The error kind of each run (the last runs of the sites, for "unreachable"). */
export async function errorKindsOf(runIds: string[]): Promise<Map<string, string | null>> {
  if (!runIds.length) return new Map()
  const rows = await db().backupRun.findMany({ where: { id: { in: runIds } }, select: { id: true, errorKind: true } })
  return new Map(rows.map((r) => [r.id, r.errorKind]))
}

/** Scheduled fires skipped for each site since its last run was created (or ever). */
export async function consecutiveSkips(siteIds: string[]): Promise<Map<string, number>> {
  if (!siteIds.length) return new Map()
  const last = await db().backupRun.groupBy({
    by: ['siteId'],
    where: { siteId: { in: siteIds } },
    _max: { createdAt: true },
  })
  const since = new Map(last.map((r) => [r.siteId, r._max.createdAt]))
  const skips = await db().auditEvent.findMany({
    where: { action: 'schedule.skipped', siteId: { in: siteIds } },
    select: { siteId: true, at: true },
    orderBy: { at: 'desc' },
    take: 5_000,
  })
  const out = new Map<string, number>()
  for (const s of skips) {
    if (!s.siteId) continue
    const from = since.get(s.siteId)
    if (from && s.at <= from) continue
    out.set(s.siteId, (out.get(s.siteId) ?? 0) + 1)
  }
  return out
}

// ---- per-site alert state ------------------------------------------------------------------------

export interface AlertState {
  siteId: string
  stale: boolean
  unreachable: boolean
  skipsAlerted: boolean
  staleSince: Date | null
  lastReminderAt: Date | null
  unreachableRemindedAt: Date | null
}

const ALERT_SELECT = {
  siteId: true,
  stale: true,
  unreachable: true,
  skipsAlerted: true,
  staleSince: true,
  lastReminderAt: true,
  unreachableRemindedAt: true,
} as const

export async function alertStates(siteIds: string[]): Promise<Map<string, AlertState>> {
  if (!siteIds.length) return new Map()
  const rows = await db().siteAlertState.findMany({ where: { siteId: { in: siteIds } }, select: ALERT_SELECT })
  return new Map(rows.map((r) => [r.siteId, r]))
}

export type AlertFlag = 'stale' | 'unreachable' | 'skipsAlerted'

/**
 * Flips one flag of a site's alert state from `from` to `to` and writes the event in the same
 * transaction. A conditional update: when several runners see the same change, one wins and one
 * event is written. Returns whether this call made the change.
 */
export async function flipSiteAlert(
  siteId: string,
  flag: AlertFlag,
  from: boolean,
  to: boolean,
  event: EventWrite | null,
  now: Date,
): Promise<boolean> {
  try {
    await db().siteAlertState.create({ data: { siteId } })
  } catch (e) {
    if (!isUniqueViolation(e)) throw e
  }
  return db().$transaction(async (tx) => {
    const extra =
      flag === 'stale'
        ? to
          ? { staleSince: now, lastReminderAt: now }
          : { staleSince: null, lastReminderAt: null }
        : flag === 'unreachable'
          ? { unreachableRemindedAt: to ? now : null }
          : {}
    const n = await tx.siteAlertState.updateMany({
      where: { siteId, [flag]: from },
      data: { [flag]: to, ...extra },
    })
    if (n.count !== 1) return false
    if (event) await insertNotifyEvent(event, tx)
    return true
  })
}

/** The column that remembers when a lasting state was last repeated. */
export type ReminderClock = 'lastReminderAt' | 'unreachableRemindedAt'

/**
 * A reminder for a lasting state (stale: lastReminderAt, unreachable: unreachableRemindedAt), written
 * only when the clock still holds `last`: with several runners one of them writes the event.
 */
export async function remindSiteAlert(
  siteId: string,
  last: Date | null,
  event: EventWrite,
  now: Date,
  clock: ReminderClock = 'lastReminderAt',
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const n = await tx.siteAlertState.updateMany({
      where: { siteId, [clock]: last },
      data: { [clock]: now },
    })
    if (n.count !== 1) return false
    await insertNotifyEvent(event, tx)
    return true
  })
}
