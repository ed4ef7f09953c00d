// Schedules: rows, the sites they target, their runs and events, and the fire transaction: a unit of
// work whose operations only read and write; lib/schedule decides what happens to a fire.
import type { Prisma } from '../../generated/sqlite/client'
import { ACTIVE_RUN_STATUSES } from '../domain/run-status'
import type { ScheduleEvent, ScheduleEventAction } from '../domain/schedules'
import { recordAudit, type AuditEntry } from './audit'
import { db, type Db } from './client'
import { createRun, type NewRun } from './runs'

type Client = Db | Prisma.TransactionClient

export const scheduleSelect = {
  id: true,
  name: true,
  siteId: true,
  tag: true,
  cron: true,
  timezone: true,
  profileId: true,
  descriptionTemplate: true,
  enabled: true,
  runOnce: true,
  staggerMinutes: true,
  changedBy: true,
  changeReason: true,
  changedAt: true,
  nextFireAt: true,
  lastFireAt: true,
  createdAt: true,
  updatedAt: true,
  site: { select: { name: true, isDemo: true } },
} satisfies Prisma.ScheduleSelect

export type ScheduleRow = Prisma.ScheduleGetPayload<{ select: typeof scheduleSelect }>

export interface ScheduleWrite {
  name: string
  siteId: string | null
  tag: string | null
  cron: string
  timezone: string
  profileId: number | null
  descriptionTemplate: string | null
  staggerMinutes: number
  runOnce: boolean
  enabled: boolean
  changedBy: string | null
  changeReason: string | null
  changedAt: Date | null
  nextFireAt: Date | null
}

export async function listScheduleRows(): Promise<ScheduleRow[]> {
  return db().schedule.findMany({ select: scheduleSelect, orderBy: [{ name: 'asc' }, { id: 'asc' }] })
}

export async function getScheduleRow(id: string): Promise<ScheduleRow | null> {
  return db().schedule.findUnique({ where: { id }, select: scheduleSelect })
}

export async function insertSchedule(w: ScheduleWrite): Promise<string> {
  const r = await db().schedule.create({ data: w, select: { id: true } })
  return r.id
}

export async function updateScheduleRow(id: string, w: Partial<ScheduleWrite>): Promise<boolean> {
  const r = await db().schedule.updateMany({ where: { id }, data: w })
  return r.count === 1
}

export async function deleteScheduleRow(id: string): Promise<boolean> {
  const r = await db().schedule.deleteMany({ where: { id } })
  return r.count === 1
}

/** Enabled schedules with a pending fire: what each site's next scheduled backup is computed from. */
export async function enabledScheduleFires(): Promise<
  {
    id: string
    siteId: string | null
    tag: string | null
    cron: string
    timezone: string
    staggerMinutes: number
    nextFireAt: Date
  }[]
> {
  const rows = await db().schedule.findMany({
    where: { enabled: true, nextFireAt: { not: null } },
    select: { id: true, siteId: true, tag: true, cron: true, timezone: true, staggerMinutes: true, nextFireAt: true },
  })
  return rows.map((r) => ({ ...r, nextFireAt: r.nextFireAt as Date }))
}

// ---- targets ---------------------------------------------------------------------------------------

export interface TargetSite {
  id: string
  name: string
  tags: string[]
  hostKey: string
  defaultProfileId: number
  connectionStatus: string
}

export async function allTargetSites(client: Client = db()): Promise<TargetSite[]> {
  const rows = await client.site.findMany({
    select: { id: true, name: true, tags: true, hostKey: true, defaultProfileId: true, connectionStatus: true },
    orderBy: { name: 'asc' },
  })
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }))
}

export async function siteExistsForSchedule(id: string): Promise<{ id: string; name: string } | null> {
  return db().site.findUnique({ where: { id }, select: { id: true, name: true } })
}

// ---- events (AuditEvent rows with a scheduleId) ---------------------------------------------------

export interface ScheduleEventEntry {
  scheduleId: string
  scheduledFor?: Date | null
  siteId?: string | null
  runId?: string | null
  actor?: string | null
  details?: Record<string, unknown>
}

export async function recordScheduleEvent(
  action: ScheduleEventAction,
  e: ScheduleEventEntry,
  client: Client = db(),
): Promise<void> {
  const scheduledFor = e.scheduledFor ?? null
  await recordAudit(
    action,
    {
      actor: e.actor,
      siteId: e.siteId,
      runId: e.runId,
      scheduleId: e.scheduleId,
      scheduledFor,
      // The API returns details as written before the columns existed: scheduleId and scheduledFor first.
      details: { scheduleId: e.scheduleId, scheduledFor: scheduledFor?.toISOString() ?? null, ...e.details },
    },
    client,
  )
}

/** The latest events of one schedule (or of every schedule: null), newest first. */
export async function listScheduleEvents(
  scheduleId: string | null,
  limit = 50,
  actions?: ScheduleEventAction[],
): Promise<ScheduleEvent[]> {
  const rows = await db().auditEvent.findMany({
    where: { scheduleId: scheduleId ?? { not: null }, action: actions ? { in: actions } : { startsWith: 'schedule.' } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      at: true,
      action: true,
      actor: true,
      siteId: true,
      runId: true,
      scheduleId: true,
      scheduledFor: true,
      details: true,
    },
  })
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    actor: r.actor,
    siteId: r.siteId,
    runId: r.runId,
    scheduleId: r.scheduleId as string,
    scheduledFor: r.scheduledFor?.toISOString() ?? null,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }))
}

// ---- runs of schedules -----------------------------------------------------------------------------

export interface ScheduledRunBrief {
  id: string
  scheduleId: string
  siteId: string
  status: string
  scheduledFor: string | null
  createdAt: string
  finishedAt: string | null
  errorMessage: string | null
}

/** The latest run of each (schedule, site) pair. */
export async function latestScheduledRuns(scheduleIds: string[]): Promise<ScheduledRunBrief[]> {
  if (scheduleIds.length === 0) return []
  const rows = await db().backupRun.findMany({
    where: { scheduleId: { in: scheduleIds } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    distinct: ['scheduleId', 'siteId'],
    select: {
      id: true,
      scheduleId: true,
      siteId: true,
      status: true,
      scheduledFor: true,
      createdAt: true,
      finishedAt: true,
      errorMessage: true,
    },
  })
  return rows.map((r) => ({
    id: r.id,
    scheduleId: r.scheduleId as string,
    siteId: r.siteId,
    status: r.status,
    scheduledFor: r.scheduledFor?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    errorMessage: r.errorMessage,
  }))
}

// ---- firing ----------------------------------------------------------------------------------------

export type DueSchedule = Pick<
  ScheduleRow,
  | 'id'
  | 'name'
  | 'siteId'
  | 'tag'
  | 'cron'
  | 'timezone'
  | 'profileId'
  | 'descriptionTemplate'
  | 'runOnce'
  | 'staggerMinutes'
  | 'lastFireAt'
> & { nextFireAt: Date }

export async function dueSchedules(now: Date): Promise<DueSchedule[]> {
  const rows = await db().schedule.findMany({
    where: { enabled: true, nextFireAt: { lte: now } },
    select: {
      id: true,
      name: true,
      siteId: true,
      tag: true,
      cron: true,
      timezone: true,
      profileId: true,
      descriptionTemplate: true,
      runOnce: true,
      staggerMinutes: true,
      lastFireAt: true,
      nextFireAt: true,
    },
    orderBy: { nextFireAt: 'asc' },
  })
  return rows as DueSchedule[]
}

/** The schedule row's columns a fire moves on (the claim, then the end of a complete fire). */
export type ScheduleFireUpdate = Partial<
  Pick<ScheduleWrite, 'nextFireAt' | 'enabled' | 'changedBy' | 'changedAt' | 'changeReason'>
> & { lastFireAt?: Date }

/** Reads of one schedule's fire: inside the fire transaction, or before it as a cheap check. */
export interface FireReads {
  targetSites(): Promise<TargetSite[]>
  /** Sites that already have a run or a recorded skip for this fire. */
  handledSiteIds(scheduledFor: Date): Promise<Set<string>>
  activeRuns(siteIds: string[]): Promise<{ id: string; siteId: string; status: string }[]>
}

/** Everything a fire may do, inside its transaction. Bound to one schedule. */
export interface FireOps extends FireReads {
  createRun(input: NewRun): Promise<{ id: string; profileId: number }>
  recordEvent(action: ScheduleEventAction, e: Omit<ScheduleEventEntry, 'scheduleId'>): Promise<void>
  recordAudit(action: string, e: AuditEntry): Promise<void>
  finishFire(data: ScheduleFireUpdate): Promise<void>
}

function reads(client: Client, scheduleId: string): FireReads {
  return {
    targetSites: () => allTargetSites(client),
    async handledSiteIds(scheduledFor) {
      const [runs, skips] = await Promise.all([
        client.backupRun.findMany({ where: { scheduleId, scheduledFor }, select: { siteId: true } }),
        client.auditEvent.findMany({
          where: { action: 'schedule.skipped', scheduleId, scheduledFor },
          select: { siteId: true },
        }),
      ])
      return new Set([...runs.map((r) => r.siteId), ...skips.flatMap((r) => (r.siteId ? [r.siteId] : []))])
    },
    activeRuns: (siteIds) =>
      client.backupRun.findMany({
        where: { siteId: { in: siteIds }, status: { in: [...ACTIVE_RUN_STATUSES] } },
        select: { id: true, siteId: true, status: true },
      }),
  }
}

export function fireReads(scheduleId: string): FireReads {
  return reads(db(), scheduleId)
}

/**
 * One pass over one fire, in one transaction. The first statement is a compare-and-set on the
 * schedule row (nextFireAt and lastFireAt as this runner saw them) that writes `claim`: it row-locks
 * the schedule, so concurrent runners handle a fire one after another and each sees what the previous
 * one created. The unique (scheduleId, siteId, scheduledFor) on BackupRun is the backstop. Null:
 * another runner moved the schedule on first, and `work` did not run.
 */
export async function fireTransaction<T>(
  s: Pick<DueSchedule, 'id' | 'nextFireAt' | 'lastFireAt'>,
  claim: ScheduleFireUpdate,
  work: (ops: FireOps) => Promise<T>,
): Promise<T | null> {
  return db().$transaction(
    async (tx) => {
      const c = await tx.schedule.updateMany({
        where: { id: s.id, enabled: true, nextFireAt: s.nextFireAt, lastFireAt: s.lastFireAt },
        data: claim,
      })
      if (c.count !== 1) return null
      return work({
        ...reads(tx, s.id),
        createRun: (input) => createRun(input, tx),
        recordEvent: (action, e) => recordScheduleEvent(action, { ...e, scheduleId: s.id }, tx),
        recordAudit: (action, e) => recordAudit(action, e, tx),
        finishFire: async (data) => {
          await tx.schedule.update({ where: { id: s.id }, data })
        },
      })
    },
    { timeout: 60_000, maxWait: 15_000 },
  )
}
