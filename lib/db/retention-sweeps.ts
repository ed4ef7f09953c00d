// The daily retention sweep's claim: one row per day (the primary key), so with several runner
// processes exactly one sweeps. A claim whose owner stopped touching it (died) may be taken over.
import { db } from './client'
import { isUniqueViolation } from './errors'

/** Claims `day` for `owner`: a new row, or a stale unfinished one (owner silent for `staleMs`). */
export async function claimSweepDay(day: string, owner: string, staleMs: number): Promise<boolean> {
  try {
    await db().retentionSweep.create({ data: { day, owner } })
    return true
  } catch (e) {
    if (!isUniqueViolation(e)) throw e
  }
  const n = await db().retentionSweep.updateMany({
    where: { day, finishedAt: null, claimedAt: { lt: new Date(Date.now() - staleMs) } },
    data: { owner, claimedAt: new Date() },
  })
  return n.count === 1
}

/** Keeps our claim fresh; false when another process took it over. */
export async function touchSweep(day: string, owner: string): Promise<boolean> {
  const n = await db().retentionSweep.updateMany({
    where: { day, owner, finishedAt: null },
    data: { claimedAt: new Date() },
  })
  return n.count === 1
}

export async function finishSweep(day: string, owner: string, summary: unknown): Promise<void> {
  await db().retentionSweep.updateMany({
    where: { day, owner },
    data: { finishedAt: new Date(), summary: JSON.stringify(summary) },
  })
}

export async function sweepRow(day: string) {
  return db().retentionSweep.findUnique({ where: { day } })
}
