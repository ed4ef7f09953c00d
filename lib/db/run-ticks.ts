// The engine's reads and writes of one run: what a tick loads, and the fenced write at the end of a
// tick (the run's new state and its step row, in one transaction, only while we hold the lease).
import type { Prisma } from '../../generated/sqlite/client'
import { config } from '../config'
import { db } from './client'
import { newRowId, sqliteTx } from './driver-tx'
import { insertNotifyEvent, type EventWrite } from './notify-events'

/** Everything a tick reads of its run; claimDue loads it with the claim (one query for many runs). */
export const TICK_SELECT = {
  id: true,
  siteId: true,
  status: true,
  phase: true,
  profileId: true,
  description: true,
  backupType: true,
  remoteBackupId: true,
  remoteRecordId: true,
  lastStepNumber: true,
  archiveName: true,
  retryCount: true,
  reconcileCount: true,
  stepSeq: true,
  warningsCount: true,
  cancelRequested: true,
  deleteRemoteOnCancel: true,
  leaseExpiries: true,
  tickErrors: true,
  startedAt: true,
  createdAt: true,
  reconcileReason: true,
  pendingErrorKind: true,
  pendingErrorMessage: true,
  leaseOwner: true,
  site: { select: { updatedAt: true } },
} as const satisfies Prisma.BackupRunSelect

export type TickRow = Prisma.BackupRunGetPayload<{ select: typeof TICK_SELECT }>

export function loadTickRow(runId: string): Promise<TickRow | null> {
  return db().backupRun.findUnique({ where: { id: runId }, select: TICK_SELECT })
}

const ROW_COLUMNS = new Set(Object.keys(TICK_SELECT))

/**
 * The run's row as the database holds it after this runner's own fenced writes (commitTick with the
 * lease kept): `row` with each update applied in order, the step counter moved when a step was
 * stored, and the columns commitTick itself resets. Only the cancel flags can change under a held
 * lease (lib/db/runs.ts flagCancelIfRunning); commitTickFlags reads those back.
 */
export function rowAfterCommits(row: TickRow, updates: (RunTickUpdate | null)[], stepStored: boolean): TickRow {
  const next = { ...row } as Record<string, unknown>
  for (const u of updates) {
    if (!u) continue
    for (const [k, v] of Object.entries(u)) if (ROW_COLUMNS.has(k) && v !== undefined) next[k] = v
  }
  return {
    ...(next as TickRow),
    tickErrors: 0,
    leaseExpiries: 0,
    stepSeq: stepStored ? row.stepSeq + 1 : row.stepSeq,
  }
}

/**
 * The columns a tick may change, with their exact types: the engine builds this (applyDecision), and
 * it is written as is. Leases and the step counter are not in it: commitTick owns those.
 */
export interface RunTickUpdate {
  status?: 'succeeded' | 'failed' | 'cancelled' | 'timed_out'
  phase?: string
  remoteBackupId?: string
  remoteRecordId?: number
  lastStepNumber?: number
  archiveName?: string
  domain?: string
  step?: string | null
  substep?: string | null
  progress?: number
  retryCount?: number
  reconcileCount?: number
  reconcileReason?: string | null
  pendingErrorKind?: string | null
  pendingErrorMessage?: string | null
  warningsCount?: number
  lastProgressAt?: Date
  nextTickAt?: Date | null
  finishedAt?: Date
  errorKind?: string | null
  errorMessage?: string | null
}

/** A step as a tick stores it: one API exchange, parsed, with the raw body kept. */
export interface StepWrite {
  call: string
  stepNumber: number | null
  domain: string | null
  step: string | null
  substep: string | null
  progress: number | null
  warnings: string[]
  error: string | null
  errorKind: string | null
  sleepTime: number | null
  stepState: string | null
  httpStatus: number
  envelopeStatus: number | null
  durationMs: number
  rawBody: string
}

/** The run's cancel flags as a commit left them: the only columns others change under a held lease. */
export interface CancelFlags {
  cancelRequested: boolean
  deleteRemoteOnCancel: boolean
}

/**
 * Returns false when the lease was lost (nothing written). `stepSeq` is the run's step counter as
 * loaded (the new step gets stepSeq + 1). `keepLease`: false gives the lease back; true keeps it as
 * it is (recording 'starting' before startBackup is sent); a Date keeps it and extends it to then
 * (the runner goes straight on to the next tick). `event`: a notification (lib/notify) written in the
 * same transaction, so a run's terminal state and its alert are committed together or not at all.
 */
export async function commitTick(
  runId: string,
  token: string,
  stepSeq: number,
  update: RunTickUpdate,
  step: StepWrite | null,
  keepLease: boolean | Date = false,
  event: EventWrite | null = null,
): Promise<boolean> {
  return (await commitTickFlags(runId, token, stepSeq, update, step, keepLease, event)) !== null
}

/**
 * commitTick, answering with the run's cancel flags as the commit left them (null: lease lost, nothing
 * written), read by the fenced UPDATE itself (RETURNING): a chained tick needs no separate read to
 * see a cancel request (lib/engine/runner.ts).
 *
 * Plain SQL, not the model API: this is the write of every step, and the query layer's cost per
 * statement was most of Stepwise's bookkeeping on fast steps (bench/overhead.ts). Dates and booleans
 * go through the driver adapter, which stores them as Prisma's own writes do; updatedAt and the step's
 * id and createdAt are set here as Prisma would.
 */
export async function commitTickFlags(
  runId: string,
  token: string,
  stepSeq: number,
  update: RunTickUpdate,
  step: StepWrite | null,
  keepLease: boolean | Date = false,
  event: EventWrite | null = null,
): Promise<CancelFlags | null> {
  const lease =
    keepLease instanceof Date
      ? { leaseUntil: keepLease, leaseExpiries: 0 }
      : keepLease
        ? {}
        : { leaseOwner: null, leaseUntil: null, leaseExpiries: 0 }
  const seq = stepSeq + 1
  // A committed tick ends any series of failed ticks.
  const data = { ...update, ...lease, tickErrors: 0, ...(step ? { stepSeq: seq } : {}) }
  const now = new Date()
  const row = step ? stepRowOf(runId, seq, step, now) : null
  const pg = config().databaseKind === 'postgresql'
  if (!pg) {
    const done = await commitTickSqlite(runId, token, data, row, event, now)
    if (done) return done.value
  }
  if (!event) return commitTickPg(runId, token, data, row, now)
  // PostgreSQL with a notification (a run's terminal commit): one transaction for the three writes.
  // It waits for a pooled connection as long as a step may take: on a saturated pool the default
  // (2 s) failed finished backups with "Unable to start a transaction in the given time".
  const u = fencedUpdate(placeholders(true), runId, token, data, now)
  const patience = config().leaseMs
  return db().$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<FlagRow[]>(u.sql, ...u.params)
      if (rows.length !== 1) return null
      if (row) {
        const insert = stepInsert(placeholders(true), row)
        await tx.$executeRawUnsafe(insert.sql, ...insert.params)
      }
      if (event) await insertNotifyEvent(event, tx)
      return flagsOf(rows[0])
    },
    { maxWait: patience, timeout: patience },
  )
}

type FlagRow = { cancelRequested: boolean | number | bigint; deleteRemoteOnCancel: boolean | number | bigint }

const flagsOf = (r: FlagRow): CancelFlags => ({
  cancelRequested: Boolean(r.cancelRequested),
  deleteRemoteOnCancel: Boolean(r.deleteRemoteOnCancel),
})

/** Numbered ($1, $2…) on PostgreSQL, ? on SQLite; `next()` names the next parameter. */
function placeholders(pg: boolean): { next: () => string } {
  let n = 0
  return { next: () => (pg ? `$${++n}` : '?') }
}

/** UPDATE of the run fenced by the lease, returning the cancel flags (one row, or none: lease lost). */
function fencedUpdate(
  p: { next: () => string },
  runId: string,
  token: string,
  data: Record<string, unknown>,
  now: Date,
): { sql: string; params: unknown[] } {
  const set = Object.entries({ ...data, updatedAt: now }).filter(([, v]) => v !== undefined)
  const assignments = set.map(([k]) => `"${k}" = ${p.next()}`).join(', ')
  return {
    sql: `UPDATE "BackupRun" SET ${assignments} WHERE "id" = ${p.next()} AND "leaseOwner" = ${p.next()} RETURNING "id", "cancelRequested", "deleteRemoteOnCancel"`,
    params: [...set.map(([, v]) => v), runId, token],
  }
}

/** INSERT of a step row with the given parameter style. */
function stepInsert(p: { next: () => string }, row: Record<string, unknown>): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO "BackupStep" (${STEP_COLUMNS.map(([c]) => `"${c}"`).join(', ')}) VALUES (${STEP_COLUMNS.map(() => p.next()).join(', ')})`,
    params: STEP_COLUMNS.map(([c]) => row[c] ?? null),
  }
}

/**
 * commitTick on SQLite as plain statements in one transaction on the driver (lib/db/driver-tx.ts):
 * the fenced UPDATE, then the step row and the notification only if it matched (a lost lease writes
 * nothing). Undefined when the database is not SQLite.
 */
async function commitTickSqlite(
  runId: string,
  token: string,
  data: Record<string, unknown>,
  row: Record<string, unknown> | null,
  event: EventWrite | null,
  now: Date,
): Promise<{ value: CancelFlags | null } | undefined> {
  const u = fencedUpdate(placeholders(false), runId, token, data, now)
  return sqliteTx(async (tx) => {
    const rows = await tx.query(u.sql, u.params)
    if (rows.length !== 1) return null
    if (row) {
      const insert = stepInsert(placeholders(false), row)
      await tx.execute(insert.sql, insert.params)
    }
    if (event) {
      // As lib/db/notify-events.ts insertNotifyEvent writes it.
      await tx.execute(
        'INSERT INTO "NotifyEvent" ("id", "kind", "siteId", "runId", "details", "occurredAt") VALUES (?, ?, ?, ?, ?, ?)',
        [
          newRowId(),
          event.kind,
          event.siteId,
          event.runId ?? null,
          JSON.stringify(event.details ?? {}),
          event.occurredAt ?? now,
        ],
      )
    }
    return flagsOf(rows[0] as FlagRow)
  })
}

/** The step row as commitTick inserts it. */
function stepRowOf(runId: string, seq: number, step: StepWrite, now: Date): Record<string, unknown> {
  return {
    ...step,
    id: newRowId(),
    runId,
    seq,
    warnings: JSON.stringify(step.warnings),
    createdAt: now,
  }
}

// BackupStep's columns as a tick writes them, with their PostgreSQL types (the INSERT … SELECT below
// needs explicit casts: its parameters have no column to take a type from).
const STEP_COLUMNS = [
  ['id', 'text'],
  ['runId', 'text'],
  ['seq', 'integer'],
  ['call', 'text'],
  ['stepNumber', 'integer'],
  ['domain', 'text'],
  ['step', 'text'],
  ['substep', 'text'],
  ['progress', 'integer'],
  ['warnings', 'text'],
  ['error', 'text'],
  ['errorKind', 'text'],
  ['sleepTime', 'integer'],
  ['stepState', 'text'],
  ['httpStatus', 'integer'],
  ['envelopeStatus', 'integer'],
  ['durationMs', 'integer'],
  ['rawBody', 'text'],
  ['createdAt', 'timestamp(3)'],
] as const

/**
 * commitTick on PostgreSQL in one statement (one round trip instead of a transaction's four or more,
 * which is what a busy database server makes expensive): the fenced UPDATE of the run in a CTE, and
 * the step row inserted only from its RETURNING row, so a lost lease writes nothing at all. A single
 * statement is atomic on its own (a data-modifying CTE runs to completion whether or not the outer
 * query reads it).
 */
async function commitTickPg(
  runId: string,
  token: string,
  data: Record<string, unknown>,
  row: Record<string, unknown> | null,
  now: Date,
): Promise<CancelFlags | null> {
  const p = placeholders(true)
  const u = fencedUpdate(p, runId, token, data, now)
  if (!row) {
    const rows = await db().$queryRawUnsafe<FlagRow[]>(u.sql, ...u.params)
    return rows.length === 1 ? flagsOf(rows[0]) : null
  }
  const values = STEP_COLUMNS.map(([, type]) => `${p.next()}::${type}`)
  const sql =
    `WITH u AS (${u.sql}), i AS (INSERT INTO "BackupStep" (${STEP_COLUMNS.map(([c]) => `"${c}"`).join(', ')}) ` +
    `SELECT ${values.join(', ')} FROM u RETURNING 1) ` +
    `SELECT "cancelRequested", "deleteRemoteOnCancel" FROM u`
  const rows = await db().$queryRawUnsafe<FlagRow[]>(sql, ...u.params, ...STEP_COLUMNS.map(([c]) => row[c] ?? null))
  return rows.length === 1 ? flagsOf(rows[0]) : null
}

/**
 * A tick threw: count it, give the lease back and try again at `retryAt` (fenced like commitTick).
 * Returns false when the lease was lost.
 */
export async function recordTickError(runId: string, token: string, retryAt: Date): Promise<boolean> {
  const n = await db().backupRun.updateMany({
    where: { id: runId, leaseOwner: token },
    data: { tickErrors: { increment: 1 }, leaseOwner: null, leaseUntil: null, nextTickAt: retryAt },
  })
  return n.count === 1
}
