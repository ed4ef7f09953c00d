// decideTick: every decision a tick takes before its one call (cancel, both time-outs, start, step,
// resume after a lost lease, a lost start), and decideAfter for the plans that make no step call.
import { describe, expect, it } from 'vitest'
import { AkeebaError } from '../akeeba/types'
import {
  decideAfter,
  decideTick,
  decideTickFailure,
  failedExchange,
  MAX_TICK_ERRORS,
  RECONCILE_PAGE,
  type Exchange,
  type TickRun,
} from './decide-tick'
import type { RetryPolicy } from './machine'

const policy: RetryPolicy = { firstDelayMs: 10_000, maxRetries: 3, maxDelayMs: 300_000, maxReconciles: 3 }
const limits = { maxRunMs: 12 * 3_600_000, maxLeaseExpiries: 3 }
const t0 = new Date('2026-11-28T10:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)
const rand = () => 0.5

function run(over: Partial<TickRun> = {}): TickRun {
  return {
    id: 'r1',
    phase: 'step',
    profileId: 2,
    description: 'Nightly',
    backupType: null,
    remoteBackupId: 'id-1',
    remoteRecordId: 7,
    lastStepNumber: 4,
    archiveName: 'site.jpa',
    retryCount: 0,
    reconcileCount: 0,
    reconcileReason: null,
    pendingErrorKind: null,
    pendingErrorMessage: null,
    cancelRequested: false,
    deleteRemoteOnCancel: false,
    leaseExpiries: 0,
    startedAt: t0,
    createdAt: t0,
    ...over,
  }
}

describe('decideTick', () => {
  it('start: persists the intent "starting" first, then sends startBackup with our marker and the profile', () => {
    const p = decideTick(
      run({ phase: 'start', remoteBackupId: null, remoteRecordId: null, backupType: 'dbonly' }),
      at(1000),
      limits,
    )
    expect(p.kind).toBe('start')
    expect(p.intent).toEqual({ phase: 'starting' })
    expect(p.call).toEqual({
      method: 'startBackup',
      params: {
        profile: 2,
        description: 'Nightly',
        comment: 'stepwise-run:r1',
        overrides: { 'akeeba.basic.backup_type': 'dbonly' },
      },
    })
  })

  it('start without a description or type: the default description, no overrides', () => {
    const p = decideTick(run({ phase: 'start', description: null }), at(0), limits)
    expect(p.call).toEqual({
      method: 'startBackup',
      params: { profile: 2, description: 'Stepwise backup', comment: 'stepwise-run:r1' },
    })
  })

  it('step: sends stepBackup with the backup id, no intent', () => {
    const p = decideTick(run(), at(0), limits)
    expect(p).toMatchObject({ kind: 'step', intent: null, call: { method: 'stepBackup', backupId: 'id-1' } })
  })

  it('cancel comes first, even past the time limit; deletes the partial record only when asked and known', () => {
    expect(decideTick(run({ cancelRequested: true }), at(limits.maxRunMs + 1), limits)).toMatchObject({
      kind: 'cancel',
      call: null,
    })
    expect(decideTick(run({ cancelRequested: true, deleteRemoteOnCancel: true }), at(0), limits)).toMatchObject({
      kind: 'cancel',
      call: { method: 'delete', recordId: 7 },
    })
    expect(
      decideTick(run({ cancelRequested: true, deleteRemoteOnCancel: true, remoteRecordId: null }), at(0), limits),
    ).toMatchObject({ kind: 'cancel', call: null })
  })

  it('time out after the maximum run time, counted from the start (or from queueing when never started)', () => {
    expect(decideTick(run(), at(limits.maxRunMs), limits).kind).toBe('step')
    const p = decideTick(run(), at(limits.maxRunMs + 1), limits)
    expect(p).toMatchObject({ kind: 'time_out', call: null, reason: 'max run time' })
    if (p.kind === 'time_out') expect(p.message).toContain('within 12 h')
    expect(decideTick(run({ startedAt: null, createdAt: at(-limits.maxRunMs - 1) }), at(0), limits).kind).toBe(
      'time_out',
    )
  })

  it('time out when the lease expired more often than allowed', () => {
    expect(decideTick(run({ leaseExpiries: 3 }), at(0), limits).kind).toBe('reconcile')
    const p = decideTick(run({ leaseExpiries: 4 }), at(0), limits)
    expect(p).toMatchObject({ kind: 'time_out', reason: 'lease expiries' })
    if (p.kind === 'time_out') expect(p.message).toContain('stopped 4 times')
  })

  it('resume after a lost lease mid-step: ask the site by record id before stepping again (fact 4)', () => {
    const p = decideTick(run({ leaseExpiries: 1 }), at(0), limits)
    expect(p).toMatchObject({ kind: 'reconcile', call: { method: 'getBackupInfo', recordId: 7 } })
    if (p.kind === 'reconcile')
      expect(p.state).toMatchObject({ reconcileReason: 'resume', pendingError: { kind: 'transport' } })
  })

  it('a run found in "starting" (crash around startBackup): reconcile as start_crashed through listBackups, never re-send (fact 3)', () => {
    const p = decideTick(run({ phase: 'starting', remoteRecordId: null, remoteBackupId: null }), at(0), limits)
    expect(p).toMatchObject({
      kind: 'reconcile',
      intent: null,
      call: { method: 'listBackups', from: 0, limit: RECONCILE_PAGE },
    })
    if (p.kind === 'reconcile') expect(p.state.reconcileReason).toBe('start_crashed')
  })

  it('reconcile keeps the stored reason', () => {
    const p = decideTick(
      run({
        phase: 'reconcile',
        reconcileReason: 'zombie',
        pendingErrorKind: 'zombie',
        pendingErrorMessage: 'fresh state',
      }),
      at(0),
      limits,
    )
    expect(p).toMatchObject({
      kind: 'reconcile',
      state: { reconcileReason: 'zombie', pendingError: { kind: 'zombie', message: 'fresh state' } },
    })
  })
})

describe('decideAfter', () => {
  const ok = (method: Exchange['method'], data: unknown): Exchange => ({ method, ok: true, data, raw: null })
  const fail = (
    method: Exchange['method'],
    kind: 'timeout' | 'not_found' | 'backup_error',
    message = 'x',
  ): Exchange => ({ method, ok: false, kind, message, envelopeStatus: null, raw: null })

  it('cancel: says whether the partial record was deleted', () => {
    const plain = decideTick(run({ cancelRequested: true }), at(0), limits)
    expect(decideAfter(plain, null, policy, rand)).toEqual({
      type: 'cancelled',
      message: 'Cancelled by request.',
      patch: {},
    })
    const del = decideTick(run({ cancelRequested: true, deleteRemoteOnCancel: true }), at(0), limits)
    expect(decideAfter(del, ok('delete', true), policy, rand)).toMatchObject({
      type: 'cancelled',
      message: expect.stringContaining('record #7 was deleted'),
    })
    expect(decideAfter(del, fail('delete', 'backup_error', 'refused'), policy, rand)).toMatchObject({
      type: 'cancelled',
      message: expect.stringContaining('failed: refused'),
    })
  })

  it("time out: the plan's message", () => {
    const p = decideTick(run({ leaseExpiries: 9 }), at(0), limits)
    expect(decideAfter(p, null, policy, rand)).toMatchObject({
      type: 'timed_out',
      message: expect.stringContaining('stopped 9 times'),
    })
  })

  it('a recovery question the site does not answer is asked again later, for the same reason', () => {
    const p = decideTick(run({ leaseExpiries: 1 }), at(0), limits)
    const d = decideAfter(p, fail('getBackupInfo', 'timeout'), policy, rand)
    expect(d).toMatchObject({
      type: 'continue',
      patch: { phase: 'reconcile', reconcileReason: 'resume', reconcileCount: 1, pendingError: { kind: 'transport' } },
    })
  })

  it('getBackupInfo not_found means "no record" (start_lost with nothing on the site: start once more)', () => {
    const p = decideTick(run({ phase: 'starting', remoteRecordId: 3, remoteBackupId: null }), at(0), limits)
    expect(decideAfter(p, fail('getBackupInfo', 'not_found'), policy, rand)).toMatchObject({
      type: 'continue',
      patch: { phase: 'start', reconcileCount: 1 },
    })
  })

  it('listBackups: our record is found by the marker in its comment', () => {
    const p = decideTick(run({ phase: 'reconcile', reconcileReason: 'verify', remoteRecordId: null }), at(0), limits)
    const rec = {
      id: 9,
      comment: 'stepwise-run:r1',
      description: '',
      status: 'complete',
      archivename: 'a.jpa',
      backupid: 'id-1',
    }
    const stranger = { ...rec, id: 8, comment: 'other', backupid: 'id-0' }
    expect(decideAfter(p, ok('listBackups', [stranger, rec]), policy, rand)).toMatchObject({
      type: 'succeeded',
      patch: { remoteRecordId: 9, archiveName: 'a.jpa' },
    })
  })

  it("failedExchange keeps the client's kind and envelope status; anything else is a protocol failure, not a crash", () => {
    expect(
      failedExchange('stepBackup', new AkeebaError('backup_error', 'boom', { envelopeStatus: 500 })),
    ).toMatchObject({ ok: false, kind: 'backup_error', envelopeStatus: 500 })
    expect(failedExchange('stepBackup', new TypeError('bug'))).toMatchObject({
      ok: false,
      kind: 'protocol',
      message: 'unexpected client failure: bug',
    })
  })
})

describe('decideTickFailure: a run never spins', () => {
  const base = { tickErrors: 0, startedAt: t0, createdAt: t0 }
  it('a site that cannot be called fails the run at once', () => {
    expect(decideTickFailure(base, { permanent: true, message: 'no endpoint' }, at(0), limits)).toEqual({
      kind: 'fail',
      errorKind: 'site_unusable',
      message: 'no endpoint',
    })
  })
  it('other errors retry with doubling back-off, capped at a minute', () => {
    expect(decideTickFailure(base, { permanent: false, message: 'db down' }, at(0), limits)).toEqual({
      kind: 'retry',
      at: at(1_000),
    })
    expect(
      decideTickFailure({ ...base, tickErrors: 3 }, { permanent: false, message: 'db down' }, at(0), limits),
    ).toEqual({ kind: 'retry', at: at(8_000) })
    expect(
      decideTickFailure({ ...base, tickErrors: 6 }, { permanent: false, message: 'x' }, at(0), limits, 5_000),
    ).toEqual({ kind: 'retry', at: at(60_000) })
  })
  it(`then fail after ${MAX_TICK_ERRORS} in a row`, () => {
    const d = decideTickFailure(
      { ...base, tickErrors: MAX_TICK_ERRORS - 1 },
      { permanent: false, message: 'db down' },
      at(0),
      limits,
    )
    expect(d).toMatchObject({ kind: 'fail', errorKind: 'tick_errors' })
    if (d.kind === 'fail') expect(d.message).toContain('db down')
  })
  it('the maximum run time holds even while ticks throw', () => {
    expect(
      decideTickFailure(base, { permanent: false, message: 'db down' }, at(limits.maxRunMs + 1), limits),
    ).toMatchObject({ kind: 'time_out' })
  })
})

describe('a start lost to our own crashes', () => {
  const noRecord = (method: Exchange['method']): Exchange => ({ method, ok: true, data: [], raw: null })
  it('is started again after each crash while the site has nothing of ours, up to the reconcile limit', () => {
    for (let count = 0; count < policy.maxReconciles; count++) {
      const p = decideTick(
        run({ phase: 'starting', remoteRecordId: null, remoteBackupId: null, reconcileCount: count }),
        at(0),
        limits,
      )
      expect(decideAfter(p, noRecord('listBackups'), policy, rand)).toMatchObject({
        type: 'continue',
        patch: { phase: 'start', reconcileCount: count + 1 },
      })
    }
    const last = decideTick(
      run({ phase: 'starting', remoteRecordId: null, remoteBackupId: null, reconcileCount: policy.maxReconciles }),
      at(0),
      limits,
    )
    expect(decideAfter(last, noRecord('listBackups'), policy, rand)).toMatchObject({
      type: 'failed',
      message: expect.stringContaining('no record'),
    })
  })
})
