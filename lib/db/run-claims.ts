// How runners share work through the database only (DESIGN.md "Claiming"): queued runs are promoted
// to running under the limits, due running runs are claimed with a lease, and every write of a tick
// is fenced by the lease token, so a runner that lost its lease cannot overwrite anything.
import type { Prisma } from '../../generated/sqlite/client'
import { db } from './client'
import { config } from '../config'
import { isUniqueViolation } from './errors'

export interface Limits {
  maxConcurrent: number
  maxPerHost: number
}

const PROMOTE_SQL = (p: (n: number) => string) => `
UPDATE "BackupRun" SET "status" = 'running', "phase" = 'start', "startedAt" = COALESCE("startedAt", ${p(4)}),
  "nextTickAt" = ${p(5)}, "lastProgressAt" = ${p(6)}, "updatedAt" = ${p(7)}
WHERE "id" = ${p(1)} AND "status" = 'queued'
  AND NOT EXISTS (
    SELECT 1 FROM "BackupRun" o WHERE o."siteId" = "BackupRun"."siteId" AND o."id" <> "BackupRun"."id" AND (
      o."status" = 'running' OR (o."status" = 'queued' AND (o."createdAt" < "BackupRun"."createdAt"
        OR (o."createdAt" = "BackupRun"."createdAt" AND o."id" < "BackupRun"."id")))))
  AND (SELECT COUNT(*) FROM "BackupRun" g WHERE g."status" = 'running') < ${p(2)}
  AND (${p(3)} = 0 OR (SELECT COUNT(*) FROM "BackupRun" h WHERE h."status" = 'running' AND h."hostKey" = "BackupRun"."hostKey") < ${p(3)})`

/**
 * Moves queued runs to running, oldest first, while the limits allow: one active run per site (also
 * enforced by a partial unique index), a global cap and a per-host cap. Returns the promoted ids.
 */
export async function promoteQueued(limits: Limits, max = 50): Promise<string[]> {
  // Without a per-host cap, many runs move in one statement (a fleet of thousands queued at once
  // starts in seconds, not one transaction per run).
  if (limits.maxPerHost === 0) return promoteBatch(limits.maxConcurrent, Math.max(max, 500))
  const d = db()
  const candidates = await d.backupRun.findMany({
    where: { status: 'queued', cancelRequested: false },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: max,
    select: { id: true },
  })
  if (candidates.length === 0) return []
  const pg = config().databaseKind === 'postgresql'
  const sql = PROMOTE_SQL(pg ? (n) => `$${n}` : () => '?')
  const promoted: string[] = []
  for (const c of candidates) {
    let n = 0
    const now = new Date()
    try {
      // One statement: promoted, started and due now, or left queued. SQLite runs one writer at a
      // time, so the counts inside it hold; PostgreSQL evaluates them on a snapshot, so promotions
      // are serialized there with an advisory lock for the caps to hold exactly.
      n = pg
        ? await d.$transaction(async (tx) => {
            await tx.$queryRawUnsafe('SELECT 1 AS locked FROM pg_advisory_xact_lock(727274002)')
            return tx.$executeRawUnsafe(sql, c.id, limits.maxConcurrent, limits.maxPerHost, now, now, now, now)
          })
        : await d.$executeRawUnsafe(
            sql, // ? placeholders bind in order of appearance: the SET clause's first
            now,
            now,
            now,
            now,
            c.id,
            limits.maxConcurrent,
            limits.maxPerHost,
            limits.maxPerHost,
          )
    } catch (e) {
      // The partial unique index refused a second running run for the site: another runner won.
      if (isUniqueViolation(e)) continue
      throw e
    }
    if (n === 1) promoted.push(c.id)
  }
  return promoted
}

/**
 * promoteQueued without a per-host cap: one UPDATE moves the oldest queued runs that are first in
 * their site's line (no running run, no older queued run: the same rule as PROMOTE_SQL), as many as
 * the global cap leaves room for, counted inside the statement. SQLite runs one writer at a time;
 * PostgreSQL takes the same advisory lock as the one-by-one path, so caps hold exactly.
 */
async function promoteBatch(maxConcurrent: number, max: number): Promise<string[]> {
  const pg = config().databaseKind === 'postgresql'
  const p = (n: number) => (pg ? `$${n}` : '?')
  const now = new Date()
  const sql = `
UPDATE "BackupRun" SET "status" = 'running', "phase" = 'start', "startedAt" = ${p(1)}, "nextTickAt" = ${p(2)},
  "lastProgressAt" = ${p(3)}, "updatedAt" = ${p(4)}
WHERE "id" IN (
  SELECT b."id" FROM "BackupRun" b
  WHERE b."status" = 'queued' AND b."cancelRequested" = ${pg ? 'false' : '0'}
    AND NOT EXISTS (
      SELECT 1 FROM "BackupRun" o WHERE o."siteId" = b."siteId" AND o."id" <> b."id" AND (
        o."status" = 'running' OR (o."status" = 'queued' AND (o."createdAt" < b."createdAt"
          OR (o."createdAt" = b."createdAt" AND o."id" < b."id")))))
  ORDER BY b."createdAt", b."id"
  LIMIT (SELECT CASE WHEN ${p(5)} - COUNT(*) > ${p(6)} THEN ${p(7)} WHEN ${p(8)} - COUNT(*) > 0 THEN ${p(9)} - COUNT(*) ELSE 0 END
         FROM "BackupRun" g WHERE g."status" = 'running'))
RETURNING "id"`
  const params = [now, now, now, now, maxConcurrent, max, max, maxConcurrent, maxConcurrent]
  try {
    const rows = await db().$transaction(async (tx) => {
      if (pg) await tx.$queryRawUnsafe('SELECT 1 AS locked FROM pg_advisory_xact_lock(727274002)')
      return tx.$queryRawUnsafe<{ id: string }[]>(sql, ...params)
    })
    return rows.map((r) => r.id)
  } catch (e) {
    // The partial unique index refused a second running run for a site: another runner won; the
    // next look promotes the rest.
    if (isUniqueViolation(e)) return []
    throw e
  }
}

export interface Claim<Row> {
  runId: string
  token: string
  row: Row
}

/**
 * Claims up to `max` due running runs in a few queries whatever their number: one read of what is
 * due, one conditional update for the unowned ones, a compare-and-set per expired lease (counted as
 * an expiry), and one read of the claimed rows with `select` (so a tick needs no query of its own).
 */
export async function claimDue<S extends Prisma.BackupRunSelect>(
  runnerId: string,
  max: number,
  select: S,
  now = new Date(),
): Promise<Claim<Prisma.BackupRunGetPayload<{ select: S }>>[]> {
  if (max <= 0) return []
  const d = db()
  const due = await d.backupRun.findMany({
    where: { status: 'running', nextTickAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    orderBy: { nextTickAt: 'asc' },
    take: max,
    select: { id: true, leaseOwner: true, leaseUntil: true },
  })
  if (due.length === 0) return []
  // One token per claim batch: fencing needs a token no other claim of the same run ever had.
  const token = `${runnerId}:${now.getTime()}:${Math.random().toString(36).slice(2, 10)}`
  const until = new Date(now.getTime() + config().leaseMs)
  const fresh = due.filter((r) => r.leaseOwner === null).map((r) => r.id)
  if (fresh.length) {
    await d.backupRun.updateMany({
      where: { id: { in: fresh }, status: 'running', leaseOwner: null },
      data: { leaseOwner: token, leaseUntil: until },
    })
  }
  for (const r of due.filter((x) => x.leaseOwner !== null)) {
    // Compare-and-set on the expired owner we saw: if another runner took it meanwhile, 0 rows.
    await d.backupRun.updateMany({
      where: { id: r.id, status: 'running', leaseOwner: r.leaseOwner, leaseUntil: r.leaseUntil },
      data: { leaseOwner: token, leaseUntil: until, leaseExpiries: { increment: 1 } },
    })
  }
  const rows = await d.backupRun.findMany({ where: { leaseOwner: token }, select })
  return rows.map((row) => ({ runId: (row as unknown as { id: string }).id, token, row }))
}

/**
 * Gives a lease back without changing the run's state (the runner is stopping, or a chain of ticks
 * ended). `retryAt` also moves the next tick: after a tick failed, the run is retried then instead
 * of after the lease expires.
 */
export async function releaseLease(runId: string, token: string, retryAt?: Date): Promise<void> {
  await db().backupRun.updateMany({
    where: { id: runId, leaseOwner: token },
    data: { leaseOwner: null, leaseUntil: null, ...(retryAt ? { nextTickAt: retryAt } : {}) },
  })
}

/** The runner a lease token belongs to: tokens are `${runnerId}:${ms}:${random}` (claimDue). */
export function runnerOfToken(token: string): string {
  return token.split(':').slice(0, -2).join(':')
}

/**
 * Leases of runners that stopped heartbeating (no beat since `deadBefore`: killed, frozen, lost the
 * database) are given back at once, each counted as a lease expiry, and the dead runner's heartbeat
 * row removed: another runner claims those runs at its next look instead of waiting out the lease.
 * Safe against a runner declared dead that is in fact alive: every write of a tick is fenced by its
 * token (commitTick), so its late commit changes nothing. Returns the number of runs freed.
 */
export async function reclaimFromDeadRunners(deadBefore: Date): Promise<{ runners: string[]; runs: number }> {
  const d = db()
  const dead = await d.runnerHeartbeat.findMany({
    where: { lastSeenAt: { lt: deadBefore } },
    select: { id: true, lastSeenAt: true },
  })
  let runs = 0
  for (const r of dead) {
    // Only runs with no commit since then either: a runner that is alive but slow to report (an
    // overloaded machine) keeps the runs it is still moving; a dead one's runs all stopped with it.
    const n = await d.backupRun.updateMany({
      where: { status: 'running', leaseOwner: { startsWith: `${r.id}:` }, updatedAt: { lt: deadBefore } },
      data: { leaseOwner: null, leaseUntil: null, leaseExpiries: { increment: 1 } },
    })
    runs += n.count
    // Its row goes once it holds nothing more (until then it is judged again at every look). Only
    // the row we judged: a runner that came back meanwhile has a newer lastSeenAt and keeps it.
    const left = await d.backupRun.count({ where: { status: 'running', leaseOwner: { startsWith: `${r.id}:` } } })
    if (left > 0) continue
    await d.runnerHeartbeat.deleteMany({ where: { id: r.id, lastSeenAt: r.lastSeenAt } })
  }
  return { runners: dead.map((r) => r.id), runs }
}

/** Gives back every lease this runner still holds (it is stopping); not counted as expiries. */
export async function releaseRunnerLeases(runnerId: string): Promise<number> {
  const n = await db().backupRun.updateMany({
    where: { leaseOwner: { startsWith: `${runnerId}:` } },
    data: { leaseOwner: null, leaseUntil: null },
  })
  return n.count
}
