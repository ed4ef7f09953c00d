// A run-once schedule disables itself after its one fire, or when that fire was missed beyond the
// catch-up window; the change is recorded like a person's, with the reason in words.
import { RUNNER_ACTOR } from './runner-actor'

export interface RunOnceDisable {
  nextFireAt: null
  enabled: false
  changedBy: string
  changedAt: Date
  changeReason: string
}

/** After the fire at `occurrence` is complete (every site queued or skipped). */
export function disableAfterFire(occurrence: Date, now: Date): RunOnceDisable {
  return {
    nextFireAt: null,
    enabled: false,
    changedBy: RUNNER_ACTOR,
    changedAt: now,
    changeReason: `Run-once schedule fired at ${occurrence.toISOString()} and disabled itself.`,
  }
}

/** When its fire (the latest pending one, `last`) is older than the catch-up window: nothing ran. */
export function disableAfterMiss(last: Date, now: Date, catchupWindowMinutes: number): RunOnceDisable {
  return {
    nextFireAt: null,
    enabled: false,
    changedBy: RUNNER_ACTOR,
    changedAt: now,
    changeReason: `Run-once fire at ${last.toISOString()} was missed while Stepwise was down (older than the ${catchupWindowMinutes}-minute catch-up window); nothing ran.`,
  }
}
