// One tick of one run: exactly one API call, then its result persisted (a step row and the run's new
// state, fenced by the lease) before anything else happens. Decisions come from machine.ts.
import { AkeebaError, type ApiResult, type BackupRecord, type RawExchange, type StepData } from '../akeeba/types'
import { db } from '../db/client'
import {
  decideAfterCall, decideAfterReconcile, findOurRecord,
  type CallOutcome, type Decision, type ReconcileOutcome, type RetryPolicy, type RunPatch, type RunState,
} from './machine'
import { runMarker } from './marker'
import type { SiteApi } from './site-api'
import { commitTick, type StepRow } from './commit'
import { logger } from '../log'

export interface TickDeps {
  api: SiteApi
  policy: RetryPolicy
  now: () => Date
  rand: () => number
  maxLeaseExpiries: number
  maxRunMs: number
  signal?: AbortSignal
  /** When set and the next tick is due at once, keep the lease until then (the runner chains ticks). */
  chainLeaseMs?: number
}

export type TickResult = { kind: 'continued'; nextTickAt: Date; leaseKept: boolean } | { kind: 'finished'; status: string } | { kind: 'lease_lost' }

type Loaded = TickRow

/** Everything a tick reads of its run; claimDue loads it with the claim (one query for many runs). */
export const TICK_SELECT = {
  id: true, siteId: true, status: true, phase: true, profileId: true, description: true, backupType: true,
  remoteBackupId: true, remoteRecordId: true, lastStepNumber: true, archiveName: true, retryCount: true,
  reconcileCount: true, stepSeq: true, warningsCount: true, cancelRequested: true, deleteRemoteOnCancel: true,
  leaseExpiries: true, startedAt: true, createdAt: true, reconcileReason: true, pendingErrorKind: true, pendingErrorMessage: true,
  leaseOwner: true, site: { select: { updatedAt: true } },
} as const

export function loadRun(runId: string) {
  return db().backupRun.findUnique({ where: { id: runId }, select: TICK_SELECT })
}

export type TickRow = NonNullable<Awaited<ReturnType<typeof loadRun>>>

function stateOf(run: Loaded): RunState {
  const reconcileReason = (run.reconcileReason as RunState['reconcileReason']) ?? null
  const pendingError: RunState['pendingError'] = run.pendingErrorKind
    ? { kind: run.pendingErrorKind as NonNullable<RunState['pendingError']>['kind'], message: run.pendingErrorMessage ?? '' }
    : null
  return {
    phase: run.phase as RunState['phase'], remoteBackupId: run.remoteBackupId, remoteRecordId: run.remoteRecordId,
    lastStepNumber: run.lastStepNumber, archiveName: run.archiveName, retryCount: run.retryCount,
    reconcileCount: run.reconcileCount, marker: runMarker(run.id), reconcileReason, pendingError,
  }
}

function stepRowFrom(call: string, raw: RawExchange | null, data: StepData | null, err: AkeebaError | null): StepRow {
  return {
    call,
    stepNumber: data?.stepNumber ?? null, domain: data?.domain ?? null, step: data?.step ?? null, substep: data?.substep ?? null,
    progress: data?.progress ?? null, warnings: data?.warnings ?? [], error: err ? err.message : data?.error || null,
    errorKind: err?.kind ?? null, sleepTime: data?.sleepTime ?? null, stepState: data?.stepState ?? null,
    httpStatus: raw?.httpStatus ?? 0, envelopeStatus: err ? err.envelopeStatus : 200, durationMs: Math.round(raw?.durationMs ?? 0),
    rawBody: raw?.body ?? '',
  }
}

async function call<T>(fn: () => Promise<ApiResult<T>>): Promise<{ ok: true; res: ApiResult<T> } | { ok: false; err: AkeebaError }> {
  try {
    return { ok: true, res: await fn() }
  } catch (e) {
    if (e instanceof AkeebaError) return { ok: false, err: e }
    // The client promises typed errors only; anything else is a bug, kept as a transport failure so
    // one misbehaving site fails its run instead of crashing the runner.
    return { ok: false, err: new AkeebaError('protocol', `unexpected client failure: ${(e as Error).message}`) }
  }
}

function apply(run: Loaded, d: Decision, now: Date, step: StepRow | null): { runUpdate: Record<string, unknown>; result: TickResult } {
  const p: RunPatch = d.patch
  const base: Record<string, unknown> = {
    ...(p.phase !== undefined ? { phase: p.phase } : {}),
    ...(p.remoteBackupId !== undefined ? { remoteBackupId: p.remoteBackupId } : {}),
    ...(p.remoteRecordId !== undefined ? { remoteRecordId: p.remoteRecordId } : {}),
    ...(p.lastStepNumber !== undefined ? { lastStepNumber: p.lastStepNumber } : {}),
    ...(p.archiveName !== undefined ? { archiveName: p.archiveName } : {}),
    ...(p.domain !== undefined ? { domain: p.domain, step: p.step ?? null, substep: p.substep ?? null } : {}),
    ...(p.progress !== undefined ? { progress: p.progress } : {}),
    ...(p.retryCount !== undefined ? { retryCount: p.retryCount } : {}),
    ...(p.reconcileCount !== undefined ? { reconcileCount: p.reconcileCount } : {}),
    ...(p.reconcileReason !== undefined ? { reconcileReason: p.reconcileReason } : {}),
    ...(p.pendingError !== undefined ? { pendingErrorKind: p.pendingError?.kind ?? null, pendingErrorMessage: p.pendingError?.message ?? null } : {}),
    ...(step && step.warnings.length ? { warningsCount: run.warningsCount + step.warnings.length } : {}),
    ...(step && step.stepNumber !== null && !step.errorKind ? { lastProgressAt: now } : {}),
  }
  if (d.type === 'continue') {
    const next = new Date(now.getTime() + d.delayMs)
    return { runUpdate: { ...base, nextTickAt: next }, result: { kind: 'continued', nextTickAt: next, leaseKept: false } }
  }
  if (d.type === 'succeeded') {
    return { runUpdate: { ...base, status: 'succeeded', finishedAt: now, errorKind: null, errorMessage: null, nextTickAt: null }, result: { kind: 'finished', status: 'succeeded' } }
  }
  return { runUpdate: { ...base, status: 'failed', finishedAt: now, errorKind: d.errorKind, errorMessage: d.message, nextTickAt: null }, result: { kind: 'finished', status: 'failed' } }
}

async function finishWith(run: Loaded, token: string, status: 'cancelled' | 'timed_out', kind: string, message: string, now: Date, step: StepRow | null): Promise<TickResult> {
  const ok = await commitTick(run.id, token, run.stepSeq, { status, finishedAt: now, errorKind: kind, errorMessage: message, nextTickAt: null }, step)
  return ok ? { kind: 'finished', status } : { kind: 'lease_lost' }
}

export async function tick(runId: string, token: string, deps: TickDeps, preloaded?: TickRow): Promise<TickResult> {
  const run = preloaded ?? (await loadRun(runId))
  if (!run || run.status !== 'running' || run.leaseOwner !== token) return { kind: 'lease_lost' }
  const now = deps.now()

  if (run.cancelRequested) {
    let step: StepRow | null = null
    let note = 'Cancelled by request.'
    if (run.deleteRemoteOnCancel && run.remoteRecordId !== null) {
      const r = await call(() => deps.api.deleteRecord(run.remoteRecordId!, deps.signal))
      step = stepRowFrom('delete', r.ok ? r.res.raw : r.err.raw, null, r.ok ? null : r.err)
      note = r.ok ? `Cancelled by request; the partial backup record #${run.remoteRecordId} was deleted on the site.` : `Cancelled by request; deleting the partial record on the site failed: ${r.err.message}`
    }
    return finishWith(run, token, 'cancelled', 'cancelled', note, deps.now(), step)
  }
  const started = run.startedAt ?? run.createdAt
  if (now.getTime() - started.getTime() > deps.maxRunMs) {
    return finishWith(run, token, 'timed_out', 'timed_out', `The backup did not finish within ${Math.round(deps.maxRunMs / 3_600_000)} h; Stepwise stopped driving it.`, now, null)
  }
  if (run.leaseExpiries > deps.maxLeaseExpiries) {
    return finishWith(run, token, 'timed_out', 'timed_out', `The runner driving this backup stopped ${run.leaseExpiries} times without progress (its lease expired each time). The backup's outcome on the site is unknown; check the archive list.`, now, null)
  }

  const state = stateOf(run)
  let decision: Decision
  let step: StepRow

  if (state.phase === 'start') {
    // Record the intent before sending: after a crash, a run found in 'starting' is reconciled,
    // never started again (fact 3: a second startBackup would kill the first backup).
    const ok = await commitTick(run.id, token, null, { phase: 'starting' }, null, true)
    if (!ok) return { kind: 'lease_lost' }
    const r = await call(() => deps.api.startBackup({
      profile: run.profileId,
      description: run.description || 'Stepwise backup',
      comment: runMarker(run.id),
      ...(run.backupType ? { overrides: { 'akeeba.basic.backup_type': run.backupType } } : {}),
    }, deps.signal))
    const outcome: CallOutcome = r.ok ? { call: 'startBackup', ok: true, data: r.res.data } : { call: 'startBackup', ok: false, kind: r.err.kind, message: r.err.message }
    decision = decideAfterCall(state, outcome, deps.policy, deps.rand)
    step = stepRowFrom('startBackup', r.ok ? r.res.raw : r.err.raw, r.ok ? r.res.data : null, r.ok ? null : r.err)
  } else if (state.phase === 'step' && run.leaseExpiries === 0) {
    const r = await call(() => deps.api.stepBackup(state.remoteBackupId!, deps.signal))
    const outcome: CallOutcome = r.ok ? { call: 'stepBackup', ok: true, data: r.res.data } : { call: 'stepBackup', ok: false, kind: r.err.kind, message: r.err.message }
    decision = decideAfterCall(state, outcome, deps.policy, deps.rand)
    step = stepRowFrom('stepBackup', r.ok ? r.res.raw : r.err.raw, r.ok ? r.res.data : null, r.ok ? null : r.err)
  } else {
    // 'reconcile', or 'starting' found after a crash: ask the site what became of our backup.
    // 'step' with an expired lease: the runner driving it died mid-step, and the lost step may have
    // finished the backup. Ask before stepping, so a finished backup is never stepped again (fact 4).
    const recovering = state.phase === 'starting' || state.phase === 'step'
    if (state.phase === 'starting') {
      state.reconcileReason = 'start_lost'
      state.pendingError = { kind: 'transport', message: 'The runner stopped while starting this backup.' }
    } else if (state.phase === 'step') {
      state.reconcileReason = 'resume'
      state.pendingError = { kind: 'transport', message: 'The runner driving this backup stopped in the middle of a step.' }
    }
    const { outcome, raw, callName, err } = await askSite(deps.api, state, deps.signal)
    decision = decideAfterReconcile(state, outcome, deps.policy, deps.rand)
    if (recovering && decision.type === 'continue' && decision.patch.reconcileReason === undefined) {
      // Asking again later (the site did not answer): keep the reason for the next tick.
      decision.patch = { ...decision.patch, phase: 'reconcile', reconcileReason: state.reconcileReason, pendingError: state.pendingError }
    }
    step = stepRowFrom(callName, raw, null, err)
  }

  // Pacing counts from the answer, not from when we asked (sleepTime is the wait after a step).
  const done = deps.now()
  const { runUpdate, result } = apply(run, decision, done, step)
  const chain = result.kind === 'continued' && deps.chainLeaseMs !== undefined && decision.type === 'continue' && decision.delayMs === 0
  const ok = await commitTick(run.id, token, run.stepSeq, runUpdate, step, chain ? new Date(done.getTime() + deps.chainLeaseMs!) : false)
  if (!ok) return { kind: 'lease_lost' }
  return result.kind === 'continued' ? { ...result, leaseKept: chain } : result
}

async function askSite(api: SiteApi, state: RunState, signal?: AbortSignal): Promise<{ outcome: ReconcileOutcome; raw: RawExchange | null; callName: string; err: AkeebaError | null }> {
  if (state.remoteRecordId !== null) {
    const r = await call(() => api.getBackupInfo(state.remoteRecordId!, signal))
    if (r.ok) return { outcome: { ok: true, record: r.res.data }, raw: r.res.raw, callName: 'getBackupInfo', err: null }
    if (r.err.kind === 'not_found') return { outcome: { ok: true, record: null }, raw: r.err.raw, callName: 'getBackupInfo', err: r.err }
    return { outcome: { ok: false, kind: r.err.kind, message: r.err.message }, raw: r.err.raw, callName: 'getBackupInfo', err: r.err }
  }
  const r = await call(() => api.listBackups(0, 50, signal))
  if (!r.ok) return { outcome: { ok: false, kind: r.err.kind, message: r.err.message }, raw: r.err.raw, callName: 'listBackups', err: r.err }
  const rec: BackupRecord | null = findOurRecord(r.res.data, state)
  return { outcome: { ok: true, record: rec }, raw: r.res.raw, callName: 'listBackups', err: null }
}

export function logTickError(runId: string, e: unknown): void {
  logger().error({ runId, err: e }, 'tick failed')
}
