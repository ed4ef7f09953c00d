// The engine's reads and writes of one run: what a tick loads, and the fenced write at the end of a
// tick (the run's new state and its step row, in one transaction, only while we hold the lease).
import type { Prisma } from '../../generated/sqlite/client'
import { randomUUID } from 'node:crypto'
import { config } from '../config'
import { db } from './client'
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
 * lease (lib/db/runs.ts flagCancelIfRunning); refreshTickRow re-reads those.
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
 * `row` (from rowAfterCommits) with what others may have changed since: the cancel flags, the status
 * and the lease owner, in one indexed read (a chained tick's only query before its call). Null when
 * the run is gone.
 */
export async function refreshTickRow(row: TickRow): Promise<TickRow | null> {
  const pg = config().databaseKind === 'postgresql'
  const rows = await db().$queryRawUnsafe<
    {
      status: string
      leaseOwner: string | null
      cancelRequested: boolean | number
      deleteRemoteOnCancel: boolean | number
    }[]
  >(
    `SELECT "status", "leaseOwner", "cancelRequested", "deleteRemoteOnCancel" FROM "BackupRun" WHERE "id" = ${pg ? '$1' : '?'}`,
    row.id,
  )
  const r = rows[0]
  if (!r) return null
  return {
    ...row,
    status: r.status,
    leaseOwner: r.leaseOwner,
    cancelRequested: Boolean(r.cancelRequested),
    deleteRemoteOnCancel: Boolean(r.deleteRemoteOnCancel),
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
  const lease =
    keepLease instanceof Date
      ? { leaseUntil: keepLease, leaseExpiries: 0 }
      : keepLease
        ? {}
        : { leaseOwner: null, leaseUntil: null, leaseExpiries: 0 }
  const seq = stepSeq + 1
  const data = { ...update, ...lease, tickErrors: 0, ...(step ? { stepSeq: seq } : {}) }
  if (!event && config().databaseKind === 'postgresql') return commitTickPg(runId, token, seq, data, step)
  return db().$transaction(async (tx) => {
    const n = await tx.backupRun.updateMany({
      where: { id: runId, leaseOwner: token },
      // A committed tick ends any series of failed ticks.
      data,
    })
    if (n.count !== 1) return false
    if (step) await tx.backupStep.create({ data: { runId, seq, ...step, warnings: JSON.stringify(step.warnings) } })
    if (event) await insertNotifyEvent(event, tx)
    return true
  })
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
 * statement is atomic on its own. Parameters go through the driver adapter, which stores dates as
 * Prisma does; updatedAt is set here as Prisma's @updatedAt would.
 */
async function commitTickPg(
  runId: string,
  token: string,
  seq: number,
  data: Record<string, unknown>,
  step: StepWrite | null,
): Promise<boolean> {
  const now = new Date()
  const params: unknown[] = [runId, token]
  const set = Object.entries({ ...data, updatedAt: now })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      params.push(v)
      return `"${k}" = $${params.length}`
    })
  const updateSql = `UPDATE "BackupRun" SET ${set.join(', ')} WHERE "id" = $1 AND "leaseOwner" = $2`
  if (!step) return (await db().$executeRawUnsafe(updateSql, ...params)) === 1
  const row: Record<string, unknown> = {
    ...step,
    id: randomUUID().replace(/-/g, ''), // the shape of Prisma's cuid ids: [a-z0-9]
    runId,
    seq,
    warnings: JSON.stringify(step.warnings),
    createdAt: now,
  }
  const values = STEP_COLUMNS.map(([c, type]) => {
    params.push(row[c] ?? null)
    return `$${params.length}::${type}`
  })
  const sql =
    `WITH u AS (${updateSql} RETURNING "id") ` +
    `INSERT INTO "BackupStep" (${STEP_COLUMNS.map(([c]) => `"${c}"`).join(', ')}) SELECT ${values.join(', ')} FROM u`
  return (await db().$executeRawUnsafe(sql, ...params)) === 1
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
