// One pass over one fire of a due schedule: record a miss or catch-up once, queue a run for each due
// site or record why not, and move the schedule on when the fire is complete. Every write happens in
// lib/db's fire transaction (see fireTransaction for why that makes a fire exactly-once).
import { fireReads, fireTransaction, type DueSchedule, type FireReads, type TargetSite } from '../db/schedules'
import { dueSites } from './due-sites'
import { missedWithCatchUp } from './missed'
import type { FirePlan } from './plan-fire'
import { disableAfterFire } from './run-once'
import { RUNNER_ACTOR } from './runner-actor'
import { scheduledRun } from './scheduled-run'
import { skipReason } from './skip-reason'

export type FireWork = Omit<Extract<FirePlan, { kind: 'fire' }>, 'kind'>

export interface FireOutcome {
  created: string[]
  skipped: { siteId: string; reason: string }[]
}

/** Sites of this fire whose staggered time has come and that have neither a run nor a recorded skip. */
async function pendingSites(
  r: FireReads,
  s: DueSchedule,
  occurrence: Date,
  dueOffsetMs: number,
): Promise<TargetSite[]> {
  const due = dueSites(s, await r.targetSites(), dueOffsetMs)
  if (due.length === 0) return []
  const handled = await r.handledSiteIds(occurrence)
  return due.filter((x) => !handled.has(x.id))
}

export async function hasPendingSites(s: DueSchedule, occurrence: Date, dueOffsetMs: number): Promise<boolean> {
  return (await pendingSites(fireReads(s.id), s, occurrence, dueOffsetMs)).length > 0
}

/** Null: another runner moved the schedule on first. */
export async function fireOccurrence(s: DueSchedule, w: FireWork, now: Date): Promise<FireOutcome | null> {
  // The schedule as this runner read it: a later pass over the same fire records the miss only once.
  const firstPass = s.lastFireAt?.getTime() !== w.occurrence.getTime()
  return fireTransaction(s, { nextFireAt: w.occurrence, lastFireAt: w.occurrence }, async (ops) => {
    if (firstPass && w.missed) {
      await ops.recordEvent('schedule.missed', {
        scheduledFor: w.missed.first,
        actor: RUNNER_ACTOR,
        details: missedWithCatchUp(w.missed, w.occurrence),
      })
    }
    if (firstPass && w.catchUp) {
      await ops.recordEvent('schedule.catch_up', {
        scheduledFor: w.occurrence,
        actor: RUNNER_ACTOR,
        details: { lateMs: now.getTime() - w.occurrence.getTime() },
      })
    }
    const outcome: FireOutcome = { created: [], skipped: [] }
    const sites = await pendingSites(ops, s, w.occurrence, w.dueOffsetMs)
    const active = sites.length > 0 ? await ops.activeRuns(sites.map((x) => x.id)) : []
    for (const site of sites) {
      const busy = active.find((a) => a.siteId === site.id)
      const reason = skipReason(site, busy)
      if (reason) {
        await ops.recordEvent('schedule.skipped', {
          scheduledFor: w.occurrence,
          siteId: site.id,
          runId: busy?.id ?? null,
          actor: RUNNER_ACTOR,
          details: { reason, siteName: site.name },
        })
        outcome.skipped.push({ siteId: site.id, reason })
        continue
      }
      const run = await ops.createRun(scheduledRun(s, site, w.occurrence))
      await ops.recordAudit('run.queued', {
        actor: RUNNER_ACTOR,
        siteId: site.id,
        runId: run.id,
        scheduleId: s.id,
        scheduledFor: w.occurrence,
        details: {
          trigger: 'schedule',
          scheduleId: s.id,
          scheduledFor: w.occurrence.toISOString(),
          profileId: run.profileId,
        },
      })
      outcome.created.push(run.id)
    }
    if (w.complete) {
      if (s.runOnce) {
        await ops.finishFire(disableAfterFire(w.occurrence, now))
        await ops.recordEvent('schedule.run_once_done', { scheduledFor: w.occurrence, actor: RUNNER_ACTOR })
      } else {
        await ops.finishFire({ nextFireAt: w.next })
      }
    }
    return outcome
  })
}
