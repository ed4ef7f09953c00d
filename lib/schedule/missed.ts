// The details of a schedule.missed event: which fires passed while Stepwise was down, and what ran instead.
import type { MissedRange } from './plan-fire'

/** Older fires collapsed into one catch-up: only `ranInstead` runs. */
export function missedWithCatchUp(missed: MissedRange, ranInstead: Date): Record<string, unknown> {
  return {
    first: missed.first.toISOString(),
    last: missed.last.toISOString(),
    ranInstead: ranInstead.toISOString(),
    reason: 'Stepwise was not running at these times; only the latest fire runs, as one catch-up.',
  }
}

/** Every pending fire is older than the catch-up window: nothing runs. */
export function missedBeyondWindow(missed: MissedRange, catchupWindowMinutes: number): Record<string, unknown> {
  return {
    first: missed.first.toISOString(),
    last: missed.last.toISOString(),
    ranInstead: null,
    reason: `Stepwise was not running at these times, and they are older than the ${catchupWindowMinutes}-minute catch-up window; nothing ran.`,
  }
}
