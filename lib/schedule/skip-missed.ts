// Every pending fire of a schedule is older than the catch-up window: record the miss and move on
// without running (a run-once schedule disables itself). Same compare-and-set claim as a fire.
import { fireTransaction, type DueSchedule } from '../db/schedules'
import { missedBeyondWindow } from './missed'
import type { MissedRange } from './plan-fire'
import { disableAfterMiss } from './run-once'
import { RUNNER_ACTOR } from './runner-actor'

/** False: another runner moved the schedule on first. */
export async function skipMissed(
  s: DueSchedule,
  missed: MissedRange,
  next: Date | null,
  now: Date,
  catchupWindowMinutes: number,
): Promise<boolean> {
  const claim = s.runOnce ? disableAfterMiss(missed.last, now, catchupWindowMinutes) : { nextFireAt: next }
  const done = await fireTransaction(s, claim, async (ops) => {
    await ops.recordEvent('schedule.missed', {
      scheduledFor: missed.first,
      actor: RUNNER_ACTOR,
      details: missedBeyondWindow(missed, catchupWindowMinutes),
    })
    return true
  })
  return done ?? false
}
