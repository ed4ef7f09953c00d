// The pure decision for one due schedule: which fire to handle now, which sites of it are due, whether
// older fires were missed (Stepwise was down) and whether this fire is complete. No database, no clock.
import { latestFireAtOrBefore, nextFireAfter } from './cron'

/** A fire handled this much after its time (plus the stagger window) still counts as on time: loop lag. */
export const ON_TIME_GRACE_MS = 2 * 60_000

export interface FireInput {
  cron: string
  timezone: string
  /** The schedule's pending fire (nextFireAt); always a time the expression matches. */
  nextFireAt: Date
  staggerMinutes: number
}

export interface MissedRange {
  first: Date
  last: Date
}

export type FirePlan =
  | { kind: 'wait' }
  /** Every pending fire is older than the catch-up window: nothing runs; `missed` is recorded. */
  | { kind: 'skip'; missed: MissedRange; next: Date | null }
  | {
      kind: 'fire'
      /** The fire being handled: the key (scheduledFor) of its runs. */
      occurrence: Date
      /** Older fires collapsed into this one (never a storm: only the latest runs). */
      missed: MissedRange | null
      /** Handled late, after downtime: a catch-up. */
      catchUp: boolean
      /** Sites whose stagger offset is at most this are due now. */
      dueOffsetMs: number
      /** Every site's offset has passed: advance to `next` after this pass. */
      complete: boolean
      next: Date | null
    }

export function planFire(s: FireInput, now: Date, catchupWindowMs: number): FirePlan {
  const t0 = s.nextFireAt
  if (t0.getTime() > now.getTime()) return { kind: 'wait' }
  const windowMs = Math.max(0, s.staggerMinutes) * 60_000
  const latest = latestFireAtOrBefore(s.cron, s.timezone, now)
  const occurrence = latest && latest.getTime() > t0.getTime() ? latest : t0
  let missed: MissedRange | null = null
  if (occurrence.getTime() > t0.getTime()) {
    const before = latestFireAtOrBefore(s.cron, s.timezone, new Date(occurrence.getTime() - 1)) ?? t0
    missed = { first: t0, last: before.getTime() < t0.getTime() ? t0 : before }
  }
  const lateness = now.getTime() - occurrence.getTime()
  const catchUp = lateness > windowMs + ON_TIME_GRACE_MS
  const next = nextFireAfter(s.cron, s.timezone, now)
  if (catchUp && lateness > windowMs + Math.max(catchupWindowMs, ON_TIME_GRACE_MS)) {
    return { kind: 'skip', missed: { first: missed?.first ?? occurrence, last: occurrence }, next }
  }
  const complete = lateness >= windowMs
  return {
    kind: 'fire',
    occurrence,
    missed,
    catchUp,
    dueOffsetMs: lateness,
    complete,
    next: complete ? next : null,
  }
}
