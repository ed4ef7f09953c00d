// Raw step compaction: the raw answer bodies of runs that ended long ago are emptied in batches; the
// parsed fields of each step, the run and its log stay. BackupRun.rawCompactedAt marks the runs done.
import { db } from './client'

/** Empties the raw bodies of up to `runs` runs that finished before `before`; the runs compacted. */
export async function compactRawStepBatch(before: Date, runs = 50): Promise<number> {
  const d = db()
  const due = await d.backupRun.findMany({
    where: { finishedAt: { lt: before }, rawCompactedAt: null },
    orderBy: { finishedAt: 'asc' },
    take: runs,
    select: { id: true },
  })
  if (!due.length) return 0
  const ids = due.map((r) => r.id)
  await d.$transaction([
    d.backupStep.updateMany({ where: { runId: { in: ids } }, data: { rawBody: '' } }),
    d.backupRun.updateMany({ where: { id: { in: ids } }, data: { rawCompactedAt: new Date() } }),
  ])
  return ids.length
}

/** When a run's raw bodies were emptied (null: still there). */
export async function rawCompactedAt(runId: string): Promise<Date | null> {
  const r = await db().backupRun.findUnique({ where: { id: runId }, select: { rawCompactedAt: true } })
  return r?.rawCompactedAt ?? null
}
