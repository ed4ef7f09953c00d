// What one tick of a running run does, decided before any I/O: stop it (cancel, time out) or make
// exactly one call to the site (start, step, or ask about our record) — and how that call's answer
// becomes a Decision. Pure: the run as loaded, the clock reading and the limits in, a plan out.
import {
  AkeebaError,
  type AkeebaErrorKind,
  type BackupRecord,
  type RawExchange,
  type StartBackupParams,
  type StepData,
} from '../akeeba/types'
import {
  decideAfterCall,
  decideAfterReconcile,
  findOurRecord,
  type Decision,
  type ReconcileReason,
  type RetryPolicy,
  type RunPhase,
  type RunState,
} from './machine'
import { runMarker } from './marker'

/** The fields of a run that decide its next tick (a subset of the row a tick loads). */
export interface TickRun {
  id: string
  phase: string
  profileId: number
  description: string | null
  backupType: string | null
  remoteBackupId: string | null
  remoteRecordId: number | null
  lastStepNumber: number | null
  archiveName: string | null
  retryCount: number
  reconcileCount: number
  reconcileReason: string | null
  pendingErrorKind: string | null
  pendingErrorMessage: string | null
  cancelRequested: boolean
  deleteRemoteOnCancel: boolean
  leaseExpiries: number
  startedAt: Date | null
  createdAt: Date
}

export interface TickLimits {
  /** A run older than this (from its start) is stopped as timed out. */
  maxRunMs: number
  /** A run whose lease expired more often than this without progress is stopped as timed out. */
  maxLeaseExpiries: number
}

/** The one call a tick makes to the site. */
export type SiteCall =
  | { method: 'startBackup'; params: StartBackupParams }
  | { method: 'stepBackup'; backupId: string }
  | { method: 'getBackupInfo'; recordId: number }
  | { method: 'listBackups'; from: number; limit: number }
  | { method: 'delete'; recordId: number }

/** `intent`, when set, is persisted (lease kept) before the call is sent; `reason` is for logs and tests. */
interface PlanBase {
  reason: string
  intent: { phase: RunPhase } | null
}

export type TickPlan = PlanBase &
  /** Stop at the user's request; `call` deletes the partial record on the site when asked to. */
  (
    | { kind: 'cancel'; call: Extract<SiteCall, { method: 'delete' }> | null }
    | { kind: 'time_out'; message: string; call: null }
    | { kind: 'start'; state: RunState; call: Extract<SiteCall, { method: 'startBackup' }> }
    | { kind: 'step'; state: RunState; call: Extract<SiteCall, { method: 'stepBackup' }> }
    /** Ask the site what became of our backup; `state` carries the reason its answer is read with. */
    | { kind: 'reconcile'; state: RunState; call: Extract<SiteCall, { method: 'getBackupInfo' | 'listBackups' }> }
  )

/** A call's answer as the tick saw it: parsed data, or the client's typed error; raw when any arrived. */
export type Exchange =
  | { method: SiteCall['method']; ok: true; data: unknown; raw: RawExchange | null }
  | {
      method: SiteCall['method']
      ok: false
      kind: AkeebaErrorKind
      message: string
      envelopeStatus: number | null
      raw: RawExchange | null
    }

/** listBackups page read when looking for our record by its marker (newest first). */
export const RECONCILE_PAGE = 50

export function runStateOf(run: TickRun): RunState {
  return {
    phase: run.phase as RunPhase,
    remoteBackupId: run.remoteBackupId,
    remoteRecordId: run.remoteRecordId,
    lastStepNumber: run.lastStepNumber,
    archiveName: run.archiveName,
    retryCount: run.retryCount,
    reconcileCount: run.reconcileCount,
    marker: runMarker(run.id),
    reconcileReason: (run.reconcileReason as ReconcileReason | null) ?? null,
    pendingError: run.pendingErrorKind
      ? {
          kind: run.pendingErrorKind as NonNullable<RunState['pendingError']>['kind'],
          message: run.pendingErrorMessage ?? '',
        }
      : null,
  }
}

function askSite(state: RunState, reason: string): TickPlan {
  const call: Extract<SiteCall, { method: 'getBackupInfo' | 'listBackups' }> =
    state.remoteRecordId !== null
      ? { method: 'getBackupInfo', recordId: state.remoteRecordId }
      : { method: 'listBackups', from: 0, limit: RECONCILE_PAGE }
  return { kind: 'reconcile', reason, intent: null, state, call }
}

/** Every decision of a tick that comes before its call. */
export function decideTick(run: TickRun, now: Date, limits: TickLimits): TickPlan {
  if (run.cancelRequested) {
    const del = run.deleteRemoteOnCancel && run.remoteRecordId !== null
    return {
      kind: 'cancel',
      intent: null,
      reason: del ? 'cancel requested; delete the partial record' : 'cancel requested',
      call: del ? { method: 'delete', recordId: run.remoteRecordId! } : null,
    }
  }
  const started = run.startedAt ?? run.createdAt
  if (now.getTime() - started.getTime() > limits.maxRunMs) {
    return {
      kind: 'time_out',
      reason: 'max run time',
      intent: null,
      call: null,
      message: `The backup did not finish within ${Math.round(limits.maxRunMs / 3_600_000)} h; Stepwise stopped driving it.`,
    }
  }
  if (run.leaseExpiries > limits.maxLeaseExpiries) {
    return {
      kind: 'time_out',
      reason: 'lease expiries',
      intent: null,
      call: null,
      message: `The runner driving this backup stopped ${run.leaseExpiries} times without progress (its lease expired each time). The backup's outcome on the site is unknown; check the archive list.`,
    }
  }
  const state = runStateOf(run)
  if (state.phase === 'start') {
    // Record the intent before sending: after a crash, a run found in 'starting' is reconciled,
    // never started again (fact 3: a second startBackup would kill the first backup).
    return {
      kind: 'start',
      reason: 'start',
      state,
      intent: { phase: 'starting' },
      call: {
        method: 'startBackup',
        params: {
          profile: run.profileId,
          description: run.description || 'Stepwise backup',
          comment: state.marker,
          ...(run.backupType ? { overrides: { 'akeeba.basic.backup_type': run.backupType } } : {}),
        },
      },
    }
  }
  if (state.phase === 'step' && run.leaseExpiries === 0) {
    return {
      kind: 'step',
      reason: 'step',
      intent: null,
      state,
      call: { method: 'stepBackup', backupId: state.remoteBackupId! },
    }
  }
  if (state.phase === 'starting') {
    // Found in 'starting': the runner died around startBackup. Ask, never re-send (fact 3).
    return askSite(
      {
        ...state,
        reconcileReason: 'start_crashed',
        pendingError: { kind: 'transport', message: 'The runner stopped while starting this backup.' },
      },
      'recover a lost start',
    )
  }
  if (state.phase === 'step') {
    // 'step' with an expired lease: the runner driving it died mid-step, and the lost step may have
    // finished the backup. Ask before stepping, so a finished backup is never stepped again (fact 4).
    return askSite(
      {
        ...state,
        reconcileReason: 'resume',
        pendingError: { kind: 'transport', message: 'The runner driving this backup stopped in the middle of a step.' },
      },
      'resume after a lost lease',
    )
  }
  return askSite(state, `reconcile (${state.reconcileReason ?? 'verify'})`)
}

/** The Decision for the answer to a plan's call (null when the plan made no call). */
export function decideAfter(plan: TickPlan, ex: Exchange | null, policy: RetryPolicy, rand: () => number): Decision {
  switch (plan.kind) {
    case 'time_out':
      return { type: 'timed_out', message: plan.message, patch: {} }
    case 'cancel': {
      if (!plan.call || !ex) return { type: 'cancelled', message: 'Cancelled by request.', patch: {} }
      return {
        type: 'cancelled',
        patch: {},
        message: ex.ok
          ? `Cancelled by request; the partial backup record #${plan.call.recordId} was deleted on the site.`
          : `Cancelled by request; deleting the partial record on the site failed: ${ex.message}`,
      }
    }
    case 'start':
    case 'step': {
      const call = plan.call.method
      const outcome = ex?.ok
        ? { call, ok: true as const, data: ex.data as StepData }
        : { call, ok: false as const, kind: ex?.kind ?? 'protocol', message: ex?.message ?? 'no answer' }
      return decideAfterCall(plan.state, outcome, policy, rand)
    }
    case 'reconcile': {
      const decision = decideAfterReconcile(plan.state, reconcileOutcome(plan.state, ex), policy, rand)
      const recovering = plan.state.phase === 'starting' || plan.state.phase === 'step'
      if (recovering && decision.type === 'continue' && decision.patch.reconcileReason === undefined) {
        // The site did not answer a recovery question: ask again later, for the same reason.
        return {
          ...decision,
          patch: {
            ...decision.patch,
            phase: 'reconcile',
            reconcileReason: plan.state.reconcileReason,
            pendingError: plan.state.pendingError,
          },
        }
      }
      return decision
    }
  }
}

/** getBackupInfo's record (not_found = no record), or our record found in a listBackups page. */
function reconcileOutcome(state: RunState, ex: Exchange | null): Parameters<typeof decideAfterReconcile>[1] {
  if (!ex) return { ok: false, kind: 'protocol', message: 'no answer' }
  if (!ex.ok)
    return ex.kind === 'not_found' && ex.method === 'getBackupInfo'
      ? { ok: true, record: null }
      : { ok: false, kind: ex.kind, message: ex.message }
  if (ex.method === 'listBackups') return { ok: true, record: findOurRecord(ex.data as BackupRecord[], state) }
  return { ok: true, record: ex.data as BackupRecord }
}

/** The client's error as an Exchange; anything that is not an AkeebaError is a bug, kept as 'protocol'. */
export function failedExchange(method: SiteCall['method'], e: unknown): Extract<Exchange, { ok: false }> {
  if (e instanceof AkeebaError)
    return { method, ok: false, kind: e.kind, message: e.message, envelopeStatus: e.envelopeStatus, raw: e.raw }
  return {
    method,
    ok: false,
    kind: 'protocol',
    message: `unexpected client failure: ${(e as Error)?.message ?? String(e)}`,
    envelopeStatus: null,
    raw: null,
  }
}

/** Why a tick could not run at all (it threw before or instead of deciding). */
export type TickFailure =
  /** Will not fix itself: the site has no endpoint, its key cannot be decrypted, it is gone. */
  | { permanent: true; message: string }
  /** May pass: the database was unreachable for a moment, a bug in one tick. */
  | { permanent: false; message: string }

export type TickFailureDecision =
  | { kind: 'fail'; errorKind: 'site_unusable' | 'tick_errors'; message: string }
  | { kind: 'time_out'; message: string }
  | { kind: 'retry'; at: Date }

/** The most ticks in a row that may throw before the run ends as failed. */
export const MAX_TICK_ERRORS = 8

/**
 * After a tick threw: a permanent cause fails the run at once; otherwise retry with back-off (1 s,
 * 2 s, 4 s … at most a minute) until MAX_TICK_ERRORS in a row, and the run's time limit still holds.
 */
export function decideTickFailure(
  run: { tickErrors: number; startedAt: Date | null; createdAt: Date },
  failure: TickFailure,
  now: Date,
  limits: Pick<TickLimits, 'maxRunMs'>,
  firstRetryMs = 1_000,
): TickFailureDecision {
  if (failure.permanent) return { kind: 'fail', errorKind: 'site_unusable', message: failure.message }
  const started = run.startedAt ?? run.createdAt
  if (now.getTime() - started.getTime() > limits.maxRunMs) {
    return {
      kind: 'time_out',
      message: `The backup did not finish within ${Math.round(limits.maxRunMs / 3_600_000)} h; Stepwise stopped driving it. Its last ticks failed: ${failure.message}`,
    }
  }
  const errors = run.tickErrors + 1
  if (errors >= MAX_TICK_ERRORS) {
    return {
      kind: 'fail',
      errorKind: 'tick_errors',
      message: `Stepwise could not process this backup ${errors} times in a row; the last error: ${failure.message}`,
    }
  }
  return { kind: 'retry', at: new Date(now.getTime() + Math.min(60_000, firstRetryMs * 2 ** run.tickErrors)) }
}
