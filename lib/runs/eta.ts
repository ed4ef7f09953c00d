// Time-left estimate for a running backup, from this site's own past successful runs. Akeeba's
// progress percent is uneven (the database and files domains weigh differently per site), so the
// site's history is the better guide; the percent only takes over once the run outlasts its history.

export interface EtaInput {
  /** Durations (ms) of this site's past successful runs, any order. */
  pastDurationsMs: readonly number[]
  /** Time since the run started, ms. */
  elapsedMs: number
  /** The server's progress, 0–100 (null before the first step). */
  progress: number | null
}

export type Eta =
  | { kind: 'none' } // no history yet: say "no estimate yet"
  | { kind: 'remaining'; remainingMs: number; typicalMs: number; basis: 'history' | 'progress' }
  | { kind: 'overdue'; typicalMs: number } // longer than usual and the percent can't tell us more

/** Median of the usable durations (positive, finite); null when there are none. */
export function typicalDuration(durations: readonly number[]): number | null {
  const xs = durations.filter((d) => Number.isFinite(d) && d > 0).sort((a, b) => a - b)
  if (xs.length === 0) return null
  const mid = Math.floor(xs.length / 2)
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2
}

export function estimateRemaining({ pastDurationsMs, elapsedMs, progress }: EtaInput): Eta {
  const typicalMs = typicalDuration(pastDurationsMs)
  if (typicalMs === null) return { kind: 'none' }
  const elapsed = Math.max(0, elapsedMs)
  const left = typicalMs - elapsed
  // Within its usual time: the history is the estimate. Never claim less than a second while running.
  if (left >= 1000) return { kind: 'remaining', remainingMs: left, typicalMs, basis: 'history' }
  // Outlasting its history: extrapolate from the percent, if it says enough.
  const p = progress ?? 0
  if (p >= 5 && p < 100) {
    const remainingMs = Math.max(1000, (elapsed * (100 - p)) / p)
    return { kind: 'remaining', remainingMs, typicalMs, basis: 'progress' }
  }
  return { kind: 'overdue', typicalMs }
}

/** Durations of finished successful runs, from run rows (startedAt → finishedAt). */
export function successfulDurations(
  runs: readonly { status: string; startedAt: string | null; finishedAt: string | null }[],
): number[] {
  return runs
    .filter((r) => r.status === 'succeeded' && r.startedAt && r.finishedAt)
    .map((r) => Date.parse(r.finishedAt!) - Date.parse(r.startedAt!))
    .filter((d) => Number.isFinite(d) && d > 0)
}
