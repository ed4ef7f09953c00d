// After a runner died mid-step (lease expired), the engine asks the site before stepping again, so a
// backup whose last step was the one lost is never stepped after it finished (fact 4).
import { describe, expect, it } from 'vitest'
import type { BackupRecord } from '../akeeba/types'
import { decideAfterReconcile, type RunState } from './machine'

const policy = { firstDelayMs: 10_000, maxRetries: 3, maxDelayMs: 300_000, maxReconciles: 3 }
const run: RunState = {
  phase: 'step',
  remoteBackupId: 'id-20261128-230746-938840',
  remoteRecordId: 5,
  lastStepNumber: 7,
  archiveName: 'site.jpa',
  retryCount: 0,
  reconcileCount: 0,
  marker: 'stepwise-run:r1',
  reconcileReason: 'resume',
  pendingError: { kind: 'transport', message: 'The runner driving this backup stopped in the middle of a step.' },
}
const record = (status: string): BackupRecord => ({
  id: 5,
  description: '',
  comment: 'stepwise-run:r1',
  backupstart: null,
  backupend: null,
  status,
  origin: 'json',
  type: 'full',
  profileId: 1,
  archivename: 'site.jpa',
  absolutePath: '',
  multipart: 0,
  tag: 'json',
  backupid: run.remoteBackupId!,
  filesexist: true,
  remoteFilename: null,
  totalSize: 1,
  meta: null,
  size: null,
  filenames: [],
})

describe('resume after a runner died mid-step', () => {
  it('a record still running: carry on stepping, without sending anything now', () => {
    const d = decideAfterReconcile(run, { ok: true, record: record('run') }, policy)
    expect(d).toMatchObject({ type: 'continue', delayMs: 0, patch: { phase: 'step', reconcileReason: null } })
  })
  it('the lost step finished the backup: succeeded, never stepped again', () => {
    expect(decideAfterReconcile(run, { ok: true, record: record('complete') }, policy).type).toBe('succeeded')
  })
  it('the site failed it meanwhile: failed, explained', () => {
    const d = decideAfterReconcile(run, { ok: true, record: record('fail') }, policy)
    expect(d.type).toBe('failed')
    if (d.type === 'failed') expect(d.message).toContain('record #5 is failed')
  })
  it('the site does not answer: ask again later, then fail with the transport kind', () => {
    const d = decideAfterReconcile(run, { ok: false, kind: 'timeout', message: 'no answer' }, policy)
    expect(d).toMatchObject({ type: 'continue', patch: { reconcileCount: 1 } })
    const last = decideAfterReconcile(
      { ...run, reconcileCount: 3 },
      { ok: false, kind: 'timeout', message: 'no answer' },
      policy,
    )
    expect(last).toMatchObject({ type: 'failed', errorKind: 'transport' })
  })
})
