// What the benchmarks (bench/) read and write directly: bulk seeding of a year of history, query plans,
// database sizes and the few counters they poll while a backup runs. Only lib/db talks to the database,
// the benchmarks included.
import { statSync } from 'node:fs'
import { db, sqlitePath, type DbKind } from './client'

/** One multi-row INSERT of `rows` (values in `cols` order) into `table`. */
export async function insertRowsRaw(kind: DbKind, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  const pg = kind === 'postgresql'
  const params: unknown[] = []
  const tuples = rows.map((r) => {
    const marks = r.map((v) => {
      params.push(v)
      return pg ? `$${params.length}` : '?'
    })
    return `(${marks.join(', ')})`
  })
  await db().$executeRawUnsafe(
    `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
    ...params,
  )
}

/** Fresh planner statistics after a bulk seed (same statement on both databases). */
export async function analyzeDatabase(): Promise<void> {
  await db().$executeRawUnsafe('ANALYZE')
}

/** The plan the database chooses for `sql`, one line per plan node. */
export async function explainPlan(kind: DbKind, sql: string, params: unknown[]): Promise<string[]> {
  const pg = kind === 'postgresql'
  const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(
    `${pg ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`,
    ...params,
  )
  return rows.map((r) => (pg ? String(r['QUERY PLAN']) : String(r.detail)))
}

/** The whole database's size and the step table's (with its indexes; null where SQLite lacks dbstat). */
export async function databaseBytes(kind: DbKind, url: string): Promise<{ total: number; steps: number | null }> {
  if (kind === 'postgresql') {
    const [r] = await db().$queryRawUnsafe<{ total: bigint; steps: bigint }[]>(
      `SELECT pg_database_size(current_database()) AS total, pg_total_relation_size('"BackupStep"') AS steps`,
    )
    return { total: Number(r.total), steps: Number(r.steps) }
  }
  await db().$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)')
  let steps: number | null = null
  try {
    const rows = await db().$queryRawUnsafe<{ name: string; bytes: bigint | number }[]>(
      `SELECT name, SUM(pgsize) AS bytes FROM dbstat WHERE name = 'BackupStep' OR name LIKE 'sqlite_autoindex_BackupStep%' OR name LIKE 'BackupStep_%' GROUP BY name`,
    )
    steps = rows.reduce((a, r) => a + Number(r.bytes), 0)
  } catch {
    steps = null // dbstat not compiled in
  }
  return { total: statSync(sqlitePath(url)).size, steps }
}

export async function stepCount(runId: string): Promise<number> {
  return db().backupStep.count({ where: { runId } })
}

export async function runStepSeq(runId: string): Promise<number> {
  return (await db().backupRun.findUniqueOrThrow({ where: { id: runId }, select: { stepSeq: true } })).stepSeq
}

/** When the first step after `seq` was stored, or null while there is none. */
export async function firstStepAfter(runId: string, seq: number): Promise<Date | null> {
  const s = await db().backupStep.findFirst({ where: { runId, seq: { gt: seq } }, select: { createdAt: true } })
  return s?.createdAt ?? null
}

export async function countRunsStillActive(ids: string[]): Promise<number> {
  return db().backupRun.count({ where: { id: { in: ids }, status: { in: ['queued', 'running'] } } })
}

export async function countRunsNotSucceeded(): Promise<number> {
  return db().backupRun.count({ where: { status: { not: 'succeeded' } } })
}

export async function archiveIdOfRun(runId: string): Promise<string | null> {
  return (await db().archive.findFirst({ where: { runId }, select: { id: true } }))?.id ?? null
}

export async function runnerHeartbeatCount(): Promise<number> {
  return db().runnerHeartbeat.count()
}

/** Runs that did not succeed, grouped by how they ended, with one message of each group. */
export async function failureBreakdown(): Promise<
  { status: string; errorKind: string | null; count: number; sample: string | null }[]
> {
  const groups = await db().backupRun.groupBy({
    by: ['status', 'errorKind'],
    where: { status: { not: 'succeeded' } },
    _count: { _all: true },
  })
  return Promise.all(
    groups.map(async (g) => {
      const one = await db().backupRun.findFirst({
        where: { status: g.status, errorKind: g.errorKind },
        select: { errorMessage: true },
      })
      return { status: g.status, errorKind: g.errorKind, count: g._count._all, sample: one?.errorMessage ?? null }
    }),
  )
}
