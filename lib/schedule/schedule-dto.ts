// What the API and pages show for a schedule: its rule in words, upcoming fires, and per target site
// the staggered start, next start and last result (a run, or a recorded skip).
import type { ScheduleRow, ScheduledRunBrief, TargetSite } from '../db/schedules'
import type { ScheduleDto, ScheduleEvent, ScheduleSiteDto, SiteLastResult } from '../domain/schedules'
import { describeCron } from './describe-cron'
import { checkCron, nextFires } from './cron'
import { siteNextStart } from './site-next-start'
import { staggerOffsetMs } from './stagger'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toScheduleDto(
  r: ScheduleRow,
  targets: TargetSite[],
  runs: ScheduledRunBrief[],
  skips: ScheduleEvent[],
  now: Date,
): ScheduleDto {
  const valid = checkCron(r.cron, r.timezone).ok
  const upcoming =
    r.enabled && r.nextFireAt && valid
      ? [r.nextFireAt, ...nextFires(r.cron, r.timezone, 2, r.nextFireAt)].map((d) => d.toISOString())
      : []
  const sites = targets.map((t): ScheduleSiteDto => {
    const run = runs.find((x) => x.scheduleId === r.id && x.siteId === t.id)
    const skip = skips.find((x) => x.scheduleId === r.id && x.siteId === t.id)
    let last: SiteLastResult | null = null
    const runAt = run ? (run.scheduledFor ?? run.createdAt) : null
    if (run && (!skip || (runAt ?? '') >= (skip.scheduledFor ?? skip.at))) {
      last = {
        kind: 'run',
        runId: run.id,
        status: run.status,
        scheduledFor: run.scheduledFor,
        at: run.finishedAt ?? run.createdAt,
        errorMessage: run.errorMessage,
      }
    } else if (skip) {
      last = {
        kind: 'skipped',
        reason: String(skip.details.reason ?? 'skipped'),
        scheduledFor: skip.scheduledFor,
        at: skip.at,
        runId: skip.runId,
      }
    }
    const next =
      r.enabled && r.nextFireAt && valid
        ? siteNextStart(
            {
              id: r.id,
              cron: r.cron,
              timezone: r.timezone,
              staggerMinutes: r.staggerMinutes,
              nextFireAt: r.nextFireAt,
            },
            t.id,
            now,
          )
        : null
    return {
      siteId: t.id,
      siteName: t.name,
      offsetSeconds: staggerOffsetMs(r.id, t.id, r.staggerMinutes) / 1000,
      nextStartAt: iso(next),
      last,
    }
  })
  return {
    id: r.id,
    name: r.name,
    siteId: r.siteId,
    siteName: r.site?.name ?? null,
    siteIsDemo: r.site?.isDemo ?? false,
    tag: r.tag,
    cron: r.cron,
    cronText: describeCron(r.cron),
    timezone: r.timezone,
    profileId: r.profileId,
    descriptionTemplate: r.descriptionTemplate,
    enabled: r.enabled,
    runOnce: r.runOnce,
    staggerMinutes: r.staggerMinutes,
    changedBy: r.changedBy,
    changeReason: r.changeReason,
    changedAt: iso(r.changedAt),
    nextFireAt: iso(r.nextFireAt),
    lastFireAt: iso(r.lastFireAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    upcoming,
    sites,
  }
}
