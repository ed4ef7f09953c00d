// Backup runs and their steps: DTOs, creation, claiming with leases, fenced writes.
import type { Prisma } from '../../generated/sqlite/client'
import { db, type Db } from './client'
import type { RunStatus } from '../engine/machine'

export interface RunDto {
  id: string
  siteId: string
  siteName: string
  profileId: number
  description: string | null
  trigger: string
  requestedBy: string | null
  scheduleId: string | null
  status: RunStatus
  phase: string
  domain: string | null
  step: string | null
  substep: string | null
  progress: number
  backupType: string | null
  warningsCount: number
  archiveName: string | null
  remoteBackupId: string | null
  remoteRecordId: number | null
  lastStepNumber: number | null
  retryCount: number
  errorKind: string | null
  errorMessage: string | null
  cancelRequested: boolean
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  updatedAt: string
  nextTickAt: string | null
}

export interface StepDto {
  seq: number
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
  rawBody?: string
  createdAt: string
}

export const runSelect = {
  id: true, siteId: true, profileId: true, description: true, trigger: true, requestedBy: true, scheduleId: true,
  status: true, phase: true, domain: true, step: true, substep: true, progress: true, backupType: true,
  warningsCount: true, archiveName: true, remoteBackupId: true, remoteRecordId: true, lastStepNumber: true,
  retryCount: true, errorKind: true, errorMessage: true, cancelRequested: true, createdAt: true, startedAt: true,
  finishedAt: true, updatedAt: true, nextTickAt: true, site: { select: { name: true } },
} satisfies Prisma.BackupRunSelect

type RunRow = Prisma.BackupRunGetPayload<{ select: typeof runSelect }>

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toRunDto(r: RunRow): RunDto {
  return {
    id: r.id, siteId: r.siteId, siteName: r.site.name, profileId: r.profileId, description: r.description,
    trigger: r.trigger, requestedBy: r.requestedBy, scheduleId: r.scheduleId, status: r.status as RunStatus,
    phase: r.phase, domain: r.domain, step: r.step, substep: r.substep, progress: r.progress, backupType: r.backupType,
    warningsCount: r.warningsCount, archiveName: r.archiveName, remoteBackupId: r.remoteBackupId,
    remoteRecordId: r.remoteRecordId, lastStepNumber: r.lastStepNumber, retryCount: r.retryCount,
    errorKind: r.errorKind, errorMessage: r.errorMessage, cancelRequested: r.cancelRequested,
    createdAt: r.createdAt.toISOString(), startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt),
    updatedAt: r.updatedAt.toISOString(), nextTickAt: iso(r.nextTickAt),
  }
}

export function toStepDto(s: Prisma.BackupStepGetPayload<object>, withRaw = false): StepDto {
  return {
    seq: s.seq, call: s.call, stepNumber: s.stepNumber, domain: s.domain, step: s.step, substep: s.substep,
    progress: s.progress, warnings: JSON.parse(s.warnings) as string[], error: s.error, errorKind: s.errorKind,
    sleepTime: s.sleepTime, stepState: s.stepState, httpStatus: s.httpStatus, envelopeStatus: s.envelopeStatus,
    durationMs: s.durationMs, ...(withRaw ? { rawBody: s.rawBody } : {}), createdAt: s.createdAt.toISOString(),
  }
}

export interface RunFilter {
  siteId?: string
  status?: RunStatus[]
  trigger?: string
  since?: Date
  until?: Date
  limit?: number
  before?: string
}

export async function listRuns(f: RunFilter = {}): Promise<RunDto[]> {
  const rows = await db().backupRun.findMany({
    where: {
      ...(f.siteId ? { siteId: f.siteId } : {}),
      ...(f.status?.length ? { status: { in: f.status } } : {}),
      ...(f.trigger ? { trigger: f.trigger } : {}),
      ...(f.since || f.until ? { createdAt: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lte: f.until } : {}) } } : {}),
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

export async function createRun(input: NewRun, client: Db | Prisma.TransactionClient = db()): Promise<RunDto> {
  const r = await client.backupRun.create({
    data: {
      siteId: input.siteId, hostKey: input.hostKey, profileId: input.profileId, description: input.description ?? null,
      trigger: input.trigger ?? 'manual', requestedBy: input.requestedBy ?? null, scheduleId: input.scheduleId ?? null,
      scheduledFor: input.scheduledFor ?? null, backupType: input.backupType ?? null, status: 'queued', phase: 'start',
      nextTickAt: new Date(),
    },
    select: runSelect,
  })
  return toRunDto(r)
}

export async function requestCancel(id: string, deleteRemote: boolean): Promise<RunDto | null> {
  const d = db()
  // A queued run has never touched the site: cancel it right here. A running one is stopped by the
  // runner at its next tick (it may be inside an HTTP call now).
  await d.backupRun.updateMany({
    where: { id, status: 'queued' },
    data: { status: 'cancelled', finishedAt: new Date(), cancelRequested: true, errorKind: 'cancelled', errorMessage: 'Cancelled before it started.' },
  })
  await d.backupRun.updateMany({ where: { id, status: 'running' }, data: { cancelRequested: true, deleteRemoteOnCancel: deleteRemote, nextTickAt: new Date() } })
  return getRun(id)
}
