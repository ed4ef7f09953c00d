// Schedules: rows, the sites they target, their runs and events, and the fire transaction that turns a
// due fire into exactly one queued run per target site (or a recorded skip).
import type { Prisma } from '../../generated/sqlite/client'
import { db, type Db } from './client'
import { createRun } from './runs'
import { staggerOffsetMs } from '../schedule/stagger'
import { renderDescription } from '../schedule/template'
import { nextFireAfter } from '../schedule/cron'

type Client = Db | Prisma.TransactionClient

export const scheduleSelect = {
  id: true, name: true, siteId: true, tag: true, cron: true, timezone: true, profileId: true, descriptionTemplate: true,
  enabled: true, runOnce: true, staggerMinutes: true, changedBy: true, changeReason: true, changedAt: true,
  nextFireAt: true, lastFireAt: true, notifyOnFailure: true, notifyOnSuccess: true, createdAt: true, updatedAt: true,
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
  notifyOnFailure: boolean
  notifyOnSuccess: boolean
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

export function targetsOf(s: { siteId: string | null; tag: string | null }, sites: TargetSite[]): TargetSite[] {
  if (s.siteId) return sites.filter((x) => x.id === s.siteId)
  if (s.tag) return sites.filter((x) => x.tags.includes(s.tag as string))
  return []
}

export async function siteExistsForSchedule(id: string): Promise<{ id: string; name: string } | null> {
  return db().site.findUnique({ where: { id }, select: { id: true, name: true } })
}

// ---- events (AuditEvent rows whose details start with the schedule id and the fire time) -----------

export type ScheduleEventAction = 'schedule.skipped' | 'schedule.missed' | 'schedule.catch_up' | 'schedule.run_once_done' | 'schedule.created' | 'schedule.updated' | 'schedule.enabled' | 'schedule.disabled' | 'schedule.deleted'

/** details is written with scheduleId then scheduledFor first, so one fire's events are found by prefix. */
function eventDetails(scheduleId: string, scheduledFor: Date | null, rest: Record<string, unknown>): string {
  return JSON.stringify({ scheduleId, scheduledFor: scheduledFor?.toISOString() ?? null, ...rest })
}

export async function recordScheduleEvent(
  action: ScheduleEventAction,
  e: { scheduleId: string; scheduledFor?: Date | null; siteId?: string | null; runId?: string | null; actor?: string | null; details?: Record<string, unknown> },
  client: Client = db(),
): Promise<void> {
  await client.auditEvent.create({
    data: {
      action, actor: e.actor ?? null, siteId: e.siteId ?? null, runId: e.runId ?? null,
      details: eventDetails(e.scheduleId, e.scheduledFor ?? null, e.details ?? {}),
    },
  })
}

export interface ScheduleEvent {
  id: string
  at: string
  action: string
  actor: string | null
  siteId: string | null
  runId: string | null
  scheduleId: string
  scheduledFor: string | null
  details: Record<string, unknown>
}

export async function listScheduleEvents(scheduleId: string | null, limit = 50, actions?: ScheduleEventAction[]): Promise<ScheduleEvent[]> {
  const rows = await db().auditEvent.findMany({
    where: {
      action: actions ? { in: actions } : { startsWith: 'schedule.' },
      ...(scheduleId ? { details: { startsWith: `{"scheduleId":${JSON.stringify(scheduleId)},` } } : {}),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: limit,
  })
  return rows.map((r) => {
    const d = JSON.parse(r.details) as Record<string, unknown> & { scheduleId: string; scheduledFor: string | null }
    return { id: r.id, at: r.at.toISOString(), action: r.action, actor: r.actor, siteId: r.siteId, runId: r.runId, scheduleId: d.scheduleId, scheduledFor: d.scheduledFor, details: d }
  })
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
    select: { id: true, scheduleId: true, siteId: true, status: true, scheduledFor: true, createdAt: true, finishedAt: true, errorMessage: true },
  })
  return rows.map((r) => ({
    id: r.id, scheduleId: r.scheduleId as string, siteId: r.siteId, status: r.status, scheduledFor: r.scheduledFor?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null, errorMessage: r.errorMessage,
  }))
}

// ---- firing ----------------------------------------------------------------------------------------

export type DueSchedule = Pick<ScheduleRow, 'id' | 'name' | 'siteId' | 'tag' | 'cron' | 'timezone' | 'profileId' | 'descriptionTemplate' | 'runOnce' | 'staggerMinutes' | 'lastFireAt'> & { nextFireAt: Date }

export async function dueSchedules(now: Date): Promise<DueSchedule[]> {
  const rows = await db().schedule.findMany({
    where: { enabled: true, nextFireAt: { lte: now } },
    select: { id: true, name: true, siteId: true, tag: true, cron: true, timezone: true, profileId: true, descriptionTemplate: true, runOnce: true, staggerMinutes: true, lastFireAt: true, nextFireAt: true },
    orderBy: { nextFireAt: 'asc' },
  })
  return rows as DueSchedule[]
}

/** Sites of this fire whose staggered time has come and that have neither a run nor a recorded skip. */
async function unhandledDueSites(client: Client, s: DueSchedule, occurrence: Date, dueOffsetMs: number): Promise<TargetSite[]> {
  const due = targetsOf(s, await allTargetSites(client)).filter((x) => staggerOffsetMs(s.id, x.id, s.staggerMinutes) <= dueOffsetMs)
  if (due.length === 0) return []
  const [runs, skips] = await Promise.all([
    client.backupRun.findMany({ where: { scheduleId: s.id, scheduledFor: occurrence }, select: { siteId: true } }),
    client.auditEvent.findMany({
      where: { action: 'schedule.skipped', at: { gte: occurrence }, details: { startsWith: eventDetails(s.id, occurrence, {}).slice(0, -1) } },
      select: { siteId: true },
    }),
  ])
  const handled = new Set([...runs.map((r) => r.siteId), ...skips.map((r) => r.siteId)])
  return due
    .filter((x) => !handled.has(x.id))
    .sort((a, b) => staggerOffsetMs(s.id, a.id, s.staggerMinutes) - staggerOffsetMs(s.id, b.id, s.staggerMinutes))
}

export async function hasPendingSites(s: DueSchedule, occurrence: Date, dueOffsetMs: number): Promise<boolean> {
  return (await unhandledDueSites(db(), s, occurrence, dueOffsetMs)).length > 0
}

export interface FireWork {
  occurrence: Date
  missed: { first: Date; last: Date } | null
  catchUp: boolean
  dueOffsetMs: number
  complete: boolean
  next: Date | null
}

export interface FireOutcome {
  created: string[]
  skipped: { siteId: string; reason: string }[]
}

const RUNNER_ACTOR = 'stepwise'

/**
 * One pass over one fire, in one transaction. The first statement is a compare-and-set on the
 * schedule row (nextFireAt and lastFireAt as this runner saw them): it row-locks the schedule, so
 * concurrent runners handle a fire one after another and each sees what the previous one created.
 * The unique (scheduleId, siteId, scheduledFor) on BackupRun is the backstop. Null: another runner
 * moved the schedule on first.
 */
export async function fireOccurrence(s: DueSchedule, w: FireWork, now: Date): Promise<FireOutcome | null> {
  return db().$transaction(async (tx) => {
    const claim = await tx.schedule.updateMany({
      where: { id: s.id, enabled: true, nextFireAt: s.nextFireAt, lastFireAt: s.lastFireAt },
      data: { nextFireAt: w.occurrence, lastFireAt: w.occurrence },
    })
    if (claim.count !== 1) return null
    const firstPass = s.lastFireAt?.getTime() !== w.occurrence.getTime()
    if (firstPass && w.missed) {
      await recordScheduleEvent('schedule.missed', {
        scheduleId: s.id, scheduledFor: w.missed.first, actor: RUNNER_ACTOR,
        details: { first: w.missed.first.toISOString(), last: w.missed.last.toISOString(), ranInstead: w.occurrence.toISOString(), reason: 'Stepwise was not running at these times; only the latest fire runs, as one catch-up.' },
      }, tx)
    }
    if (firstPass && w.catchUp) {
      await recordScheduleEvent('schedule.catch_up', { scheduleId: s.id, scheduledFor: w.occurrence, actor: RUNNER_ACTOR, details: { lateMs: now.getTime() - w.occurrence.getTime() } }, tx)
    }
    const outcome: FireOutcome = { created: [], skipped: [] }
    const sites = await unhandledDueSites(tx, s, w.occurrence, w.dueOffsetMs)
    if (sites.length > 0) {
      const active = await tx.backupRun.findMany({ where: { siteId: { in: sites.map((x) => x.id) }, status: { in: ['queued', 'running'] } }, select: { id: true, siteId: true, status: true } })
      for (const site of sites) {
        const busy = active.find((a) => a.siteId === site.id)
        const reason = site.connectionStatus !== 'ok'
          ? `not connected (${site.connectionStatus.replace('_', ' ')})`
          : busy ? `already backing up (a run is ${busy.status})` : null
        if (reason) {
          await recordScheduleEvent('schedule.skipped', { scheduleId: s.id, scheduledFor: w.occurrence, siteId: site.id, runId: busy?.id ?? null, actor: RUNNER_ACTOR, details: { reason, siteName: site.name } }, tx)
          outcome.skipped.push({ siteId: site.id, reason })
          continue
        }
        const run = await createRun({
          siteId: site.id, hostKey: site.hostKey, profileId: s.profileId ?? site.defaultProfileId,
          description: renderDescription(s.descriptionTemplate, { site: site.name, schedule: s.name, firedAt: w.occurrence, timezone: s.timezone }),
          trigger: 'schedule', requestedBy: `schedule: ${s.name}`, scheduleId: s.id, scheduledFor: w.occurrence,
        }, tx)
        await tx.auditEvent.create({ data: { action: 'run.queued', actor: RUNNER_ACTOR, siteId: site.id, runId: run.id, details: JSON.stringify({ trigger: 'schedule', scheduleId: s.id, scheduledFor: w.occurrence.toISOString(), profileId: run.profileId }) } })
        outcome.created.push(run.id)
      }
    }
    if (w.complete) {
      const disable = s.runOnce
      await tx.schedule.update({
        where: { id: s.id },
        data: disable
          ? { nextFireAt: null, enabled: false, changedBy: RUNNER_ACTOR, changedAt: now, changeReason: `Run-once schedule fired at ${w.occurrence.toISOString()} and disabled itself.` }
          : { nextFireAt: w.next },
      })
      if (disable) await recordScheduleEvent('schedule.run_once_done', { scheduleId: s.id, scheduledFor: w.occurrence, actor: RUNNER_ACTOR }, tx)
    }
    return outcome
  }, { timeout: 60_000, maxWait: 15_000 })
}

/** Every pending fire is older than the catch-up window: record it and move on without running. */
export async function skipMissed(s: DueSchedule, missed: { first: Date; last: Date }, next: Date | null, now: Date, catchupWindowMinutes: number): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const disable = s.runOnce
    const claim = await tx.schedule.updateMany({
      where: { id: s.id, enabled: true, nextFireAt: s.nextFireAt, lastFireAt: s.lastFireAt },
      data: disable
        ? { nextFireAt: null, enabled: false, changedBy: RUNNER_ACTOR, changedAt: now, changeReason: `Run-once fire at ${missed.last.toISOString()} was missed while Stepwise was down (older than the ${catchupWindowMinutes}-minute catch-up window); nothing ran.` }
        : { nextFireAt: next },
    })
    if (claim.count !== 1) return false
    await recordScheduleEvent('schedule.missed', {
      scheduleId: s.id, scheduledFor: missed.first, actor: RUNNER_ACTOR,
      details: { first: missed.first.toISOString(), last: missed.last.toISOString(), ranInstead: null, reason: `Stepwise was not running at these times, and they are older than the ${catchupWindowMinutes}-minute catch-up window; nothing ran.` },
    }, tx)
    return true
  })
}

// ---- next backup per site (SiteDto.nextBackupAt) ---------------------------------------------------

/** When each site's next scheduled backup starts (its stagger offset included), over every enabled schedule. */
export async function nextBackupBySite(sites: { id: string; tags: string[] }[], now = new Date()): Promise<Map<string, Date>> {
  const out = new Map<string, Date>()
  if (sites.length === 0) return out
  const schedules = await db().schedule.findMany({
    where: { enabled: true, nextFireAt: { not: null } },
    select: { id: true, siteId: true, tag: true, cron: true, timezone: true, staggerMinutes: true, nextFireAt: true },
  })
  for (const s of schedules) {
    for (const site of sites) {
      if (s.siteId ? s.siteId !== site.id : !(s.tag && site.tags.includes(s.tag))) continue
      const at = siteNextStart(s as typeof s & { nextFireAt: Date }, site.id, now)
      const cur = out.get(site.id)
      if (at && (!cur || at < cur)) out.set(site.id, at)
    }
  }
  return out
}

/** The first fire at or after the pending one whose staggered start for this site is still ahead. */
export function siteNextStart(s: { id: string; cron: string; timezone: string; staggerMinutes: number; nextFireAt: Date }, siteId: string, now: Date): Date | null {
  const offset = staggerOffsetMs(s.id, siteId, s.staggerMinutes)
  let fire: Date | null = s.nextFireAt
  // A pending fire whose start for this site already passed is handled (or being handled) now.
  if (fire && fire.getTime() + offset <= now.getTime()) fire = nextFireAfter(s.cron, s.timezone, new Date(now.getTime() - offset))
  return fire ? new Date(fire.getTime() + offset) : null
}
