// The fleet's typical duration per backup type (median of recent successful runs), for the run page's
// estimate when the site has no successful run of its own yet.
import { recentSuccessDurationsByType } from '../db/run-stats'
import { typicalDuration } from './eta'

/** Median ms by backup type ('' = the profile's default type); types without history are absent. */
export async function fleetTypicalByType(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const [type, durations] of await recentSuccessDurationsByType()) {
    const t = typicalDuration(durations)
    if (t !== null) out[type] = t
  }
  return out
}
