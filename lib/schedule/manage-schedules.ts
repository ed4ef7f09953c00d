// Create, change, list and delete schedules. Every change records who and why (no login yet: the form
// sends an optional name, default "dashboard"), and recomputes the next fire from now, so enabling
// or editing a schedule never triggers a catch-up for fires it was not due to make.
import { AppError, notFound } from '../api/errors'
import {
  allTargetSites,
  deleteScheduleRow,
  getScheduleRow,
  insertSchedule,
  latestScheduledRuns,
  listScheduleEvents,
  listScheduleRows,
  recordScheduleEvent,
  siteExistsForSchedule,
  updateScheduleRow,
  type ScheduleWrite,
} from '../db/schedules'
import type { ScheduleDto, ScheduleEvent } from '../domain/schedules'
import { checkCron, minGapMs, nextFireAfter, nextFires } from './cron'
import { describeCron } from './describe-cron'
import { toScheduleDto } from './schedule-dto'
import { targetsOf } from './targets'
import type { CreateScheduleInput, PreviewInput, UpdateScheduleInput } from './schedule-input'

const DEFAULT_ACTOR = 'dashboard'

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field}: ${message}`, { field })
}

async function checkTarget(siteId: string | null | undefined): Promise<void> {
  if (siteId && !(await siteExistsForSchedule(siteId))) throw invalid('siteId', `there is no site with id ${siteId}`)
}

function checkRule(cron: string, timezone: string, staggerMinutes: number, now: Date): void {
  const c = checkCron(cron, timezone)
  if (!c.ok) throw invalid(c.field, c.message)
  const gap = minGapMs(cron, timezone, now)
  if (staggerMinutes > 0 && gap !== null && staggerMinutes * 60_000 >= gap) {
    throw invalid(
      'staggerMinutes',
      `the stagger window (${staggerMinutes} min) must be shorter than the time between two fires (${Math.round(gap / 60_000)} min), or fires would overlap`,
    )
  }
}

async function decorate(rows: Awaited<ReturnType<typeof listScheduleRows>>, now = new Date()): Promise<ScheduleDto[]> {
  const [sites, runs, skips] = await Promise.all([
    allTargetSites(),
    latestScheduledRuns(rows.map((r) => r.id)),
    listScheduleEvents(rows.length === 1 ? rows[0].id : null, 5000, ['schedule.skipped']),
  ])
  return rows.map((r) => toScheduleDto(r, targetsOf(r, sites), runs, skips, now))
}

export async function listSchedules(filter: { siteId?: string } = {}): Promise<ScheduleDto[]> {
  let rows = await listScheduleRows()
  if (filter.siteId) {
    const site = (await allTargetSites()).find((s) => s.id === filter.siteId)
    if (!site) return []
    rows = rows.filter((r) => targetsOf(r, [site]).length > 0)
  }
  return decorate(rows)
}

export async function getSchedule(id: string): Promise<ScheduleDto> {
  const r = await getScheduleRow(id)
  if (!r) throw notFound('schedule', id)
  const [dto] = await decorate([r])
  return dto
}

export async function scheduleEvents(id: string): Promise<ScheduleEvent[]> {
  return listScheduleEvents(id, 50)
}

/** The schedule with its history (skips, misses, catch-ups, changes): the detail page and GET /api/schedules/{id}. */
export async function getScheduleDetail(id: string): Promise<{ schedule: ScheduleDto; events: ScheduleEvent[] }> {
  const schedule = await getSchedule(id)
  return { schedule, events: await scheduleEvents(id) }
}

export async function createSchedule(input: CreateScheduleInput, now = new Date()): Promise<ScheduleDto> {
  await checkTarget(input.siteId)
  const stagger = input.siteId ? 0 : (input.staggerMinutes ?? 0)
  checkRule(input.cron, input.timezone, stagger, now)
  const enabled = input.enabled ?? true
  const target = input.siteId ? (await siteExistsForSchedule(input.siteId))?.name : `tag ${input.tag}`
  const w: ScheduleWrite = {
    name: input.name || `${describeCron(input.cron)} · ${target}`.slice(0, 120),
    siteId: input.siteId ?? null,
    tag: input.siteId ? null : (input.tag ?? null),
    cron: input.cron,
    timezone: input.timezone,
    profileId: input.profileId ?? null,
    descriptionTemplate: input.descriptionTemplate || null,
    staggerMinutes: stagger,
    runOnce: input.runOnce ?? false,
    enabled,
    changedBy: input.by || DEFAULT_ACTOR,
    changeReason: input.reason || (enabled ? 'Created' : 'Created disabled'),
    changedAt: now,
    nextFireAt: enabled ? nextFireAfter(input.cron, input.timezone, now) : null,
  }
  const id = await insertSchedule(w)
  await recordScheduleEvent('schedule.created', {
    scheduleId: id,
    actor: w.changedBy,
    details: { cron: w.cron, timezone: w.timezone, siteId: w.siteId, tag: w.tag },
  })
  return getSchedule(id)
}

export async function updateSchedule(id: string, input: UpdateScheduleInput, now = new Date()): Promise<ScheduleDto> {
  const cur = await getScheduleRow(id)
  if (!cur) throw notFound('schedule', id)
  await checkTarget(input.siteId)
  const siteId = input.siteId !== undefined || input.tag !== undefined ? (input.siteId ?? null) : cur.siteId
  const tag = siteId ? null : input.tag !== undefined ? input.tag : cur.tag
  if (!siteId && !tag) throw invalid('siteId', 'choose one site or one tag')
  const cron = input.cron ?? cur.cron
  const timezone = input.timezone ?? cur.timezone
  const stagger = siteId ? 0 : (input.staggerMinutes ?? cur.staggerMinutes)
  checkRule(cron, timezone, stagger, now)
  const enabled = input.enabled ?? cur.enabled
  const toggled = enabled !== cur.enabled
  const ruleChanged = cron !== cur.cron || timezone !== cur.timezone
  const by = input.by || DEFAULT_ACTOR
  const w: Partial<ScheduleWrite> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    siteId,
    tag,
    cron,
    timezone,
    staggerMinutes: stagger,
    enabled,
    ...(input.profileId !== undefined ? { profileId: input.profileId } : {}),
    ...(input.descriptionTemplate !== undefined ? { descriptionTemplate: input.descriptionTemplate || null } : {}),
    ...(input.runOnce !== undefined ? { runOnce: input.runOnce } : {}),
    changedBy: by,
    changedAt: now,
    changeReason: input.reason || (toggled ? (enabled ? 'Enabled' : 'Disabled') : 'Edited'),
    // Recomputed from now on enable and on a new rule; unchanged otherwise (a fire in progress goes on).
    nextFireAt: !enabled
      ? null
      : toggled || ruleChanged || !cur.nextFireAt
        ? nextFireAfter(cron, timezone, now)
        : cur.nextFireAt,
  }
  if (!(await updateScheduleRow(id, w))) throw notFound('schedule', id)
  await recordScheduleEvent(toggled ? (enabled ? 'schedule.enabled' : 'schedule.disabled') : 'schedule.updated', {
    scheduleId: id,
    actor: by,
    details: { reason: w.changeReason, ...(ruleChanged ? { cron, timezone } : {}) },
  })
  return getSchedule(id)
}

export async function deleteSchedule(id: string, by?: string): Promise<void> {
  const cur = await getScheduleRow(id)
  if (!cur || !(await deleteScheduleRow(id))) throw notFound('schedule', id)
  await recordScheduleEvent('schedule.deleted', {
    scheduleId: id,
    actor: by || DEFAULT_ACTOR,
    details: { name: cur.name, cron: cur.cron, timezone: cur.timezone },
  })
}

export interface CronPreview {
  cronText: string
  timezone: string
  fires: string[]
}

export function previewCron(input: PreviewInput, now = new Date()): CronPreview {
  return {
    cronText: describeCron(input.cron),
    timezone: input.timezone,
    fires: nextFires(input.cron, input.timezone, input.count ?? 5, now).map((d) => d.toISOString()),
  }
}
