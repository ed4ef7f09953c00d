// Backup runs and their steps: rows to DTOs, lists, creation, cancel requests, and the facts other modules need.
import type { Prisma } from '../../generated/sqlite/client'
import { db, type Db } from './client'
import { newRowId, sqliteTx } from './driver-tx'
import { asDate, asInt, rawRows, scopeFilter, sqlParams, type SiteScope } from './raw-read'
import { ACTIVE_RUN_STATUSES, type RunStatus } from '../domain/run-status'
import type { RunDto, RunFilter, StepDto } from '../domain/runs'

const runSelect = {
  id: true,
  siteId: true,
  profileId: true,
  description: true,
  trigger: true,
  requestedBy: true,
  scheduleId: true,
  status: true,
  phase: true,
  domain: true,
  step: true,
  substep: true,
  progress: true,
  backupType: true,
  warningsCount: true,
  archiveName: true,
  remoteBackupId: true,
  remoteRecordId: true,
  lastStepNumber: true,
  retryCount: true,
  errorKind: true,
  errorMessage: true,
  cancelRequested: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  updatedAt: true,
  nextTickAt: true,
  site: { select: { name: true } },
} satisfies Prisma.BackupRunSelect

type RunRow = Prisma.BackupRunGetPayload<{ select: typeof runSelect }>

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function toRunDto(r: RunRow): RunDto {
  return {
    id: r.id,
    siteId: r.siteId,
    siteName: r.site.name,
    profileId: r.profileId,
    description: r.description,
    trigger: r.trigger,
    requestedBy: r.requestedBy,
    scheduleId: r.scheduleId,
    status: r.status as RunStatus,
    phase: r.phase,
    domain: r.domain,
    step: r.step,
    substep: r.substep,
    progress: r.progress,
    backupType: r.backupType,
    warningsCount: r.warningsCount,
    archiveName: r.archiveName,
    remoteBackupId: r.remoteBackupId,
    remoteRecordId: r.remoteRecordId,
    lastStepNumber: r.lastStepNumber,
    retryCount: r.retryCount,
    errorKind: r.errorKind,
    errorMessage: r.errorMessage,
    cancelRequested: r.cancelRequested,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    updatedAt: r.updatedAt.toISOString(),
    nextTickAt: iso(r.nextTickAt),
  }
}

function toStepDto(s: Prisma.BackupStepGetPayload<object>, withRaw = false): StepDto {
  return {
    seq: s.seq,
    call: s.call,
    stepNumber: s.stepNumber,
    domain: s.domain,
    step: s.step,
    substep: s.substep,
    progress: s.progress,
    warnings: JSON.parse(s.warnings) as string[],
    error: s.error,
    errorKind: s.errorKind,
    sleepTime: s.sleepTime,
    stepState: s.stepState,
    httpStatus: s.httpStatus,
    envelopeStatus: s.envelopeStatus,
    durationMs: s.durationMs,
    ...(withRaw ? { rawBody: s.rawBody } : {}),
    createdAt: s.createdAt.toISOString(),
  }
}

export async function listRuns(f: RunFilter = {}): Promise<RunDto[]> {
  const rows = await db().backupRun.findMany({
    where: {
      ...(f.siteId ? { siteId: f.siteId } : {}),
      ...(f.status?.length ? { status: { in: f.status } } : {}),
      ...(f.trigger ? { trigger: f.trigger } : {}),
      ...(f.since || f.until
        ? { createdAt: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lte: f.until } : {}) } }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(f.limit ?? 100, 500),
    select: runSelect,
  })
  return rows.map(toRunDto)
}

export async function getRun(id: string): Promise<RunDto | null> {
  const r = await db().backupRun.findUnique({ where: { id }, select: runSelect })
  return r ? toRunDto(r) : null
}

export async function listSteps(runId: string, afterSeq = 0, withRaw = false): Promise<StepDto[]> {
  const rows = await db().backupStep.findMany({ where: { runId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' } })
  return rows.map((s) => toStepDto(s, withRaw))
}

export interface NewRun {
  siteId: string
  hostKey: string
  profileId: number
  description?: string | null
  trigger?: string
  requestedBy?: string | null
  scheduleId?: string | null
  scheduledFor?: Date | null
  backupType?: string | null
}

/** A new queued run's columns, due now (the one shape both ways of creating a run write). */
function newRunData(input: NewRun, now: Date) {
  return {
    siteId: input.siteId,
    hostKey: input.hostKey,
    profileId: input.profileId,
    description: input.description ?? null,
    trigger: input.trigger ?? 'manual',
    requestedBy: input.requestedBy ?? null,
    scheduleId: input.scheduleId ?? null,
    scheduledFor: input.scheduledFor ?? null,
    backupType: input.backupType ?? null,
    status: 'queued',
    phase: 'start',
    nextTickAt: now,
  }
}

export async function createRun(input: NewRun, client: Db | Prisma.TransactionClient = db()): Promise<RunDto> {
  const r = await client.backupRun.create({ data: newRunData(input, new Date()), select: runSelect })
  return toRunDto(r)
}

/**
 * The site's queued or running run if it has one, else a new queued run: one active run per site,
 * however many requests arrive at once. The first statement takes the site row's write lock, so
 * concurrent callers for one site go one after another and the later one finds the earlier's run.
 */
export async function createRunUnlessActive(input: NewRun): Promise<{ run: RunDto; created: boolean }> {
  // SQLite: the same lock, check and insert as plain statements in one transaction on the driver
  // (lib/db/driver-tx.ts), without the query layer's cost; this is on the path of every "Back up
  // now", before its first call (bench/overhead.ts).
  const sqlite = await sqliteTx(async (tx) => {
    const statuses = [...ACTIVE_RUN_STATUSES]
    // BEGIN is deferred: a write first takes the write lock, so no other process inserts meanwhile.
    await tx.execute('UPDATE "Site" SET "updatedAt" = "updatedAt" WHERE "id" = ?', [input.siteId])
    const active = await tx.query(
      `SELECT "id" FROM "BackupRun" WHERE "siteId" = ? AND "status" IN (${statuses.map(() => '?').join(', ')}) ORDER BY "createdAt", "id" LIMIT 1`,
      [input.siteId, ...statuses],
    )
    if (active.length) return { id: String(active[0].id), created: false }
    const now = new Date()
    const row: Record<string, unknown> = { id: newRowId(), ...newRunData(input, now), createdAt: now, updatedAt: now }
    const cols = Object.keys(row)
    await tx.execute(
      `INSERT INTO "BackupRun" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      Object.values(row),
    )
    return { id: row.id as string, created: true }
  })
  if (sqlite) {
    const r = await db().backupRun.findUniqueOrThrow({ where: { id: sqlite.value.id }, select: runSelect })
    return { run: toRunDto(r), created: sqlite.value.created }
  }
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Site" SET "updatedAt" = "updatedAt" WHERE "id" = ${input.siteId}`
    const active = await tx.backupRun.findFirst({
      where: { siteId: input.siteId, status: { in: [...ACTIVE_RUN_STATUSES] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: runSelect,
    })
    if (active) return { run: toRunDto(active), created: false }
    return { run: await createRun(input, tx), created: true }
  })
}

/** Ends the run as cancelled if it is still queued (no runner holds it); otherwise changes nothing. */
export async function cancelIfQueued(id: string, message: string): Promise<void> {
  await db().backupRun.updateMany({
    where: { id, status: 'queued' },
    data: {
      status: 'cancelled',
      finishedAt: new Date(),
      cancelRequested: true,
      errorKind: 'cancelled',
      errorMessage: message,
    },
  })
}

/** Flags the run for cancelling at its next tick, due now, if it is running; otherwise changes nothing. */
export async function flagCancelIfRunning(id: string, deleteRemote: boolean): Promise<void> {
  await db().backupRun.updateMany({
    where: { id, status: 'running' },
    data: { cancelRequested: true, deleteRemoteOnCancel: deleteRemote, nextTickAt: new Date() },
  })
}

/** A run with its site's name and address and every step, for the downloadable log. */
export async function getRunWithSteps(id: string): Promise<{ run: RunDto; siteUrl: string; steps: StepDto[] } | null> {
  const r = await db().backupRun.findUnique({
    where: { id },
    select: { ...runSelect, site: { select: { name: true, baseUrl: true } }, steps: { orderBy: { seq: 'asc' } } },
  })
  return r ? { run: toRunDto(r), siteUrl: r.site.baseUrl, steps: r.steps.map((s) => toStepDto(s)) } : null
}

/** The site a run belongs to and the record number the site gave its backup (null before it had one). */
export function getRunRecord(id: string): Promise<{ siteId: string; remoteRecordId: number | null } | null> {
  return db().backupRun.findUnique({ where: { id }, select: { siteId: true, remoteRecordId: true } })
}

/** What a site's state at a glance needs of a run. */
export interface RunBrief {
  id: string
  siteId: string
  status: string
  progress: number
  domain: string | null
  startedAt: Date | null
  finishedAt: Date | null
  errorMessage: string | null
  warningsCount: number
}

const BRIEF_COLUMNS =
  'r."id", r."siteId", r."status", r."progress", r."domain", r."startedAt", r."finishedAt", r."errorMessage", r."warningsCount"'

function toBrief(r: Record<string, unknown>): RunBrief {
  return {
    id: r.id as string,
    siteId: r.siteId as string,
    status: r.status as string,
    progress: asInt(r.progress),
    domain: r.domain as string | null,
    startedAt: asDate(r.startedAt),
    finishedAt: asDate(r.finishedAt),
    errorMessage: r.errorMessage as string | null,
    warningsCount: asInt(r.warningsCount),
  }
}

/** The queued and running runs of these sites (or of every site), oldest first. */
export async function activeRunsOf(scope: SiteScope): Promise<RunBrief[]> {
  const q = sqlParams()
  const statuses = q.list(ACTIVE_RUN_STATUSES)
  const rows = await rawRows(
    `SELECT ${BRIEF_COLUMNS} FROM "BackupRun" r WHERE r."status" IN (${statuses})${scopeFilter('r."siteId"', scope, q.mark)}
     ORDER BY r."createdAt" ASC`,
    q.params,
  )
  return rows.map(toBrief)
}

/**
 * Each site's latest finished run among `statuses`, in one query whatever the fleet size: per site,
 * one step back along the (siteId, finishedAt) index to the newest finished run of those statuses
 * (a correlated subquery), joined to that run's row. With a year of history (200 runs a site) it
 * reads a few index entries per site, not every run.
 */
export async function latestRunPerSite(
  scope: SiteScope,
  statuses: readonly RunStatus[],
): Promise<Map<string, RunBrief>> {
  const out = new Map<string, RunBrief>()
  if ((scope !== 'all' && scope.length === 0) || statuses.length === 0) return out
  const q = sqlParams()
  const statusList = q.list(statuses)
  const rows = await rawRows(
    `SELECT ${BRIEF_COLUMNS} FROM "Site" s JOIN "BackupRun" r ON r."id" = (
       SELECT r2."id" FROM "BackupRun" r2
       WHERE r2."siteId" = s."id" AND r2."finishedAt" IS NOT NULL AND r2."status" IN (${statusList})
       ORDER BY r2."finishedAt" DESC LIMIT 1)
     WHERE 1 = 1${scopeFilter('s."id"', scope, q.mark)}`,
    q.params,
  )
  for (const r of rows) out.set(r.siteId as string, toBrief(r))
  return out
}
