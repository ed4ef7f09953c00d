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
