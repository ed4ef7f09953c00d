// Fires due schedules. Called from every runner's loop (web process and `npm run worker`), so any
// number of processes may call it at once: lib/db/schedules.ts's fire transaction makes each fire exactly-once.
import { config } from '../config'
import { dueSchedules } from '../db/schedules'
import { isUniqueViolation } from '../db/errors'
import { logger } from '../log'
import { wakeLocalRunner } from '../engine/runner-registry'
import { fireOccurrence, hasPendingSites } from './fire-occurrence'
import { planFire } from './plan-fire'
import { skipMissed } from './skip-missed'

export interface FireSummary {
  created: string[]
  skipped: number
  missed: number
}

export async function fireDueSchedules(now = new Date()): Promise<FireSummary> {
  const catchupMinutes = config().STEPWISE_CATCHUP_WINDOW_MINUTES
  const summary: FireSummary = { created: [], skipped: 0, missed: 0 }
  for (const s of await dueSchedules(now)) {
    try {
      const plan = planFire(s, now, catchupMinutes * 60_000)
      if (plan.kind === 'wait') continue
      if (plan.kind === 'skip') {
        if (await skipMissed(s, plan.missed, plan.next, now, catchupMinutes)) summary.missed++
        continue
      }
      // Within a stagger window most passes have nothing new to do: check with reads before writing.
      const firstPass = s.lastFireAt?.getTime() !== plan.occurrence.getTime()
      if (!firstPass && !plan.complete && !(await hasPendingSites(s, plan.occurrence, plan.dueOffsetMs))) continue
      const out = await fireOccurrence(s, plan, now)
      if (!out) continue
      summary.created.push(...out.created)
      summary.skipped += out.skipped.length
      if (out.created.length || out.skipped.length) {
        logger().info(
          {
            schedule: s.id,
            scheduledFor: plan.occurrence.toISOString(),
            queued: out.created.length,
            skipped: out.skipped,
          },
          'schedule fired',
        )
      }
    } catch (e) {
      // Another runner created the same run first (the unique key held): nothing to do here.
      if (isUniqueViolation(e)) continue
      logger().error({ err: e, schedule: s.id }, 'schedule fire failed; retrying on the next loop')
    }
  }
  if (summary.created.length) wakeLocalRunner()
  return summary
}

/** The runner's onLoop hook: fires schedules at most once per `everyMs`, never two passes at once. */
export function scheduleTicker(everyMs = 1_000): () => Promise<void> {
  let last = 0
  let busy = false
  return async () => {
    const t = Date.now()
    if (busy || t - last < everyMs) return
    busy = true
    last = t
    // In the background: a fire over many sites must not hold up the runner's claims.
    void fireDueSchedules(new Date(t))
      .catch((e) => logger().error({ err: e }, 'firing schedules failed; trying again in a second'))
      .finally(() => {
        busy = false
      })
  }
}
