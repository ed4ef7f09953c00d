// A Decision turned into the exact row update a tick writes, and the call's answer into the step row
// stored beside it. Pure and typed end to end: RunTickUpdate names every column a tick may change.
import type { StepData } from '../akeeba/types'
import type { RunTickUpdate, StepWrite } from '../db/run-ticks'
import type { Exchange } from './decide-tick'
import type { Decision, RunPatch } from './machine'

export type TickResult =
  | { kind: 'continued'; nextTickAt: Date; leaseKept: boolean }
  | { kind: 'finished'; status: 'succeeded' | 'failed' | 'cancelled' | 'timed_out' }
  | { kind: 'lease_lost' }

/** The stored form of one exchange. Only startBackup/stepBackup answers carry step data. */
export function stepWriteOf(ex: Exchange): StepWrite {
  const data = ex.ok && (ex.method === 'startBackup' || ex.method === 'stepBackup') ? (ex.data as StepData) : null
  return {
    call: ex.method,
    stepNumber: data?.stepNumber ?? null,
    domain: data?.domain ?? null,
    step: data?.step ?? null,
    substep: data?.substep ?? null,
    progress: data?.progress ?? null,
    warnings: data?.warnings ?? [],
    error: ex.ok ? data?.error || null : ex.message,
    errorKind: ex.ok ? null : ex.kind,
    sleepTime: data?.sleepTime ?? null,
    stepState: data?.stepState ?? null,
    httpStatus: ex.raw?.httpStatus ?? 0,
    envelopeStatus: ex.ok ? 200 : ex.envelopeStatus,
    durationMs: Math.round(ex.raw?.durationMs ?? 0),
    rawBody: ex.raw?.body ?? '',
  }
}

function patchColumns(p: RunPatch): RunTickUpdate {
  return {
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
    ...(p.pendingError !== undefined
      ? { pendingErrorKind: p.pendingError?.kind ?? null, pendingErrorMessage: p.pendingError?.message ?? null }
      : {}),
  }
}

/**
 * The row update for a decision taken at `now` (when the answer arrived: pacing counts from the
 * answer, since sleepTime is the wait after a step), given the step row it is written with.
 */
export function applyDecision(
  run: { warningsCount: number },
  d: Decision,
  now: Date,
  step: StepWrite | null,
): { update: RunTickUpdate; result: TickResult } {
  const base: RunTickUpdate = {
    ...patchColumns(d.patch),
    ...(step && step.warnings.length ? { warningsCount: run.warningsCount + step.warnings.length } : {}),
    ...(step && step.stepNumber !== null && !step.errorKind ? { lastProgressAt: now } : {}),
  }
  switch (d.type) {
    case 'continue': {
      const next = new Date(now.getTime() + d.delayMs)
      return {
        update: { ...base, nextTickAt: next },
        result: { kind: 'continued', nextTickAt: next, leaseKept: false },
      }
    }
    case 'succeeded':
      return {
        update: {
          ...base,
          status: 'succeeded',
          finishedAt: now,
          errorKind: null,
          errorMessage: null,
          nextTickAt: null,
        },
        result: { kind: 'finished', status: 'succeeded' },
      }
    case 'failed':
      return {
        update: {
          ...base,
          status: 'failed',
          finishedAt: now,
          errorKind: d.errorKind,
          errorMessage: d.message,
          nextTickAt: null,
        },
        result: { kind: 'finished', status: 'failed' },
      }
    case 'cancelled':
    case 'timed_out':
      return {
        update: {
          ...base,
          status: d.type,
          finishedAt: now,
          errorKind: d.type,
          errorMessage: d.message,
          nextTickAt: null,
        },
        result: { kind: 'finished', status: d.type },
      }
  }
}
