// The fenced write at the end of a tick: the run's new state and its step row, in one transaction,
// only if we still hold the lease (token). A runner that lost its lease writes nothing.
import { db } from '../db/client'
import type { StepDto } from '../db/runs'

/** A step as the tick stores it: the API view of a step (StepDto) without our numbering and time. */
export type StepRow = Omit<StepDto, 'seq' | 'createdAt' | 'rawBody'> & { rawBody: string }

/**
 * Returns false when the lease was lost. `stepSeq` is the run's step counter we loaded (the new
 * step gets stepSeq + 1); null when no step is written. `keepLease` keeps the claim for the rest of
 * the tick (used to record 'starting' before startBackup is sent); a Date keeps and extends it.
 */
export async function commitTick(runId: string, token: string, stepSeq: number | null, runUpdate: Record<string, unknown>, step: StepRow | null, keepLease: boolean | Date = false): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const data: Record<string, unknown> = { ...runUpdate }
    // A Date keeps the lease and extends it: the runner goes straight on to the next tick.
    if (keepLease instanceof Date) Object.assign(data, { leaseUntil: keepLease, leaseExpiries: 0 })
    else if (!keepLease) Object.assign(data, { leaseOwner: null, leaseUntil: null, leaseExpiries: 0 })
    if (step) data.stepSeq = (stepSeq ?? 0) + 1
    const n = await tx.backupRun.updateMany({ where: { id: runId, leaseOwner: token }, data })
    if (n.count !== 1) return false
    if (step) {
      await tx.backupStep.create({
        data: { runId, seq: (stepSeq ?? 0) + 1, ...step, warnings: JSON.stringify(step.warnings) },
      })
    }
    return true
  })
}
