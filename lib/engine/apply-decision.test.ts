// applyDecision: each Decision becomes exactly the typed row update commitTick writes.
import { describe, expect, it } from 'vitest'
import { applyDecision, stepWriteOf } from './apply-decision'
import type { Exchange } from './decide-tick'
import type { StepData } from '../akeeba/types'

const now = new Date('2026-11-28T10:00:00Z')
const run = { warningsCount: 2 }
const data: StepData = {
  hasRun: true,
  domain: 'PackDB',
  step: 'Backing up the database',
  substep: 'wp_posts',
  progress: 40,
  error: '',
  warnings: ['a', 'b', 'c'],
  stepNumber: 5,
  sleepTime: 1500,
  backupid: 'id-1',
  recordId: 7,
  archive: 'site.jpa',
  stepState: 'running',
  profile: 1,
}
const stepEx: Exchange = {
  method: 'stepBackup',
  ok: true,
  data,
  raw: { httpStatus: 200, body: '{"status":200}', durationMs: 812.4 },
}

describe('stepWriteOf', () => {
  it('a step answer: its parsed fields, the raw body and HTTP status', () => {
    expect(stepWriteOf(stepEx)).toEqual({
      call: 'stepBackup',
      stepNumber: 5,
      domain: 'PackDB',
      step: 'Backing up the database',
      substep: 'wp_posts',
      progress: 40,
      warnings: ['a', 'b', 'c'],
      error: null,
      errorKind: null,
      sleepTime: 1500,
      stepState: 'running',
      httpStatus: 200,
      envelopeStatus: 200,
      durationMs: 812,
      rawBody: '{"status":200}',
    })
  })
  it('a failure: the error kind and message, the envelope status, no step data', () => {
    const s = stepWriteOf({
      method: 'stepBackup',
      ok: false,
      kind: 'backup_error',
      message: 'Disk full',
      envelopeStatus: 500,
      raw: null,
    })
    expect(s).toMatchObject({
      call: 'stepBackup',
      error: 'Disk full',
      errorKind: 'backup_error',
      envelopeStatus: 500,
      httpStatus: 0,
      stepNumber: null,
      rawBody: '',
    })
  })
  it('a reconcile answer carries no step data even when it succeeded', () => {
    expect(stepWriteOf({ method: 'getBackupInfo', ok: true, data: { id: 7 }, raw: null })).toMatchObject({
      call: 'getBackupInfo',
      stepNumber: null,
      warnings: [],
      error: null,
    })
  })
})

describe('applyDecision', () => {
  it("continue: the patch's columns, the next tick after the delay, warnings added, progress time set", () => {
    const { update, result } = applyDecision(
      run,
      {
        type: 'continue',
        delayMs: 1500,
        patch: { domain: 'PackDB', step: 'x', progress: 40, lastStepNumber: 5, retryCount: 0 },
      },
      now,
      stepWriteOf(stepEx),
    )
    expect(update).toEqual({
      domain: 'PackDB',
      step: 'x',
      substep: null,
      progress: 40,
      lastStepNumber: 5,
      retryCount: 0,
      warningsCount: 5,
      lastProgressAt: now,
      nextTickAt: new Date(now.getTime() + 1500),
    })
    expect(result).toEqual({ kind: 'continued', nextTickAt: new Date(now.getTime() + 1500), leaseKept: false })
  })
  it('a pending error is stored as its two columns (and cleared as two nulls)', () => {
    const set = applyDecision(
      run,
      {
        type: 'continue',
        delayMs: 0,
        patch: { pendingError: { kind: 'zombie', message: 'gone' }, reconcileReason: 'zombie' },
      },
      now,
      null,
    )
    expect(set.update).toMatchObject({
      pendingErrorKind: 'zombie',
      pendingErrorMessage: 'gone',
      reconcileReason: 'zombie',
    })
    const clear = applyDecision(run, { type: 'continue', delayMs: 0, patch: { pendingError: null } }, now, null)
    expect(clear.update).toMatchObject({ pendingErrorKind: null, pendingErrorMessage: null })
  })
  it('succeeded: terminal, errors cleared, no next tick', () => {
    const { update, result } = applyDecision(
      run,
      { type: 'succeeded', patch: { progress: 100, remoteRecordId: 7 } },
      now,
      null,
    )
    expect(update).toEqual({
      progress: 100,
      remoteRecordId: 7,
      status: 'succeeded',
      finishedAt: now,
      errorKind: null,
      errorMessage: null,
      nextTickAt: null,
    })
    expect(result).toEqual({ kind: 'finished', status: 'succeeded' })
  })
  it("failed: the kind and the server's words", () => {
    const { update } = applyDecision(
      run,
      { type: 'failed', errorKind: 'backup_error', message: 'Disk full', patch: {} },
      now,
      null,
    )
    expect(update).toEqual({
      status: 'failed',
      finishedAt: now,
      errorKind: 'backup_error',
      errorMessage: 'Disk full',
      nextTickAt: null,
    })
  })
  it('cancelled and timed out: their status is also their error kind', () => {
    expect(
      applyDecision(run, { type: 'cancelled', message: 'Cancelled by request.', patch: {} }, now, null).update,
    ).toEqual({
      status: 'cancelled',
      finishedAt: now,
      errorKind: 'cancelled',
      errorMessage: 'Cancelled by request.',
      nextTickAt: null,
    })
    expect(applyDecision(run, { type: 'timed_out', message: 'too long', patch: {} }, now, null).result).toEqual({
      kind: 'finished',
      status: 'timed_out',
    })
  })
  it('a failed step does not count as progress', () => {
    const step = stepWriteOf({
      method: 'stepBackup',
      ok: false,
      kind: 'timeout',
      message: 'no answer',
      envelopeStatus: null,
      raw: null,
    })
    expect(
      applyDecision(run, { type: 'continue', delayMs: 10_000, patch: { retryCount: 1 } }, now, step).update,
    ).not.toHaveProperty('lastProgressAt')
  })
})
