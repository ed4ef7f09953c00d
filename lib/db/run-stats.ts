// Counts and timings over runs and steps, for benchmarks and monitoring.
import { db } from './client'

export async function countRuns(statuses: readonly string[]): Promise<number> {
  return db().backupRun.count({ where: { status: { in: [...statuses] } } })
}

export interface StepTiming {
  runId: string
  seq: number
  createdAt: Date
  durationMs: number
}

/** Every startBackup/stepBackup step, in order per run: when its answer was stored and how long the call took. */
export async function backupStepTimings(): Promise<StepTiming[]> {
  return db().backupStep.findMany({
    where: { call: { in: ['startBackup', 'stepBackup'] } },
    select: { runId: true, seq: true, createdAt: true, durationMs: true },
    orderBy: [{ runId: 'asc' }, { seq: 'asc' }],
  })
}

/**
 * Durations (ms) of the fleet's most recent successful runs, by backup type (the type the run asked
 * for, e.g. "full", "dbonly"; '' for runs that used their profile's default): what the run page falls
 * back to for a site without history of its own.
 */
export async function recentSuccessDurationsByType(perType = 30, scan = 500): Promise<Map<string, number[]>> {
  const rows = await db().backupRun.findMany({
    where: { status: 'succeeded', startedAt: { not: null }, finishedAt: { not: null } },
    select: { backupType: true, startedAt: true, finishedAt: true },
    // createdAt is indexed: the newest runs without sorting the whole table.
    orderBy: { createdAt: 'desc' },
    take: scan,
  })
  const out = new Map<string, number[]>()
  for (const r of rows) {
    const ms = r.finishedAt!.getTime() - r.startedAt!.getTime()
    if (!(ms > 0)) continue
    const type = r.backupType ?? ''
    const list = out.get(type) ?? []
    if (list.length < perType) list.push(ms)
    out.set(type, list)
  }
  return out
}
