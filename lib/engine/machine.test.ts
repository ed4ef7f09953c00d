// The state machine replayed against the real servers' transcripts (tests/fixtures/akeeba-*): every
// startBackup/stepBackup answer goes through interpretResponse into decideAfterCall, the decision's patch
// is applied as tick.ts applies it, and reconciles are answered with the site's recorded record.
// Test names cite the fact in DESIGN.md "Facts from the real server" (or the fixture README) they prove.
import { describe, expect, it } from 'vitest'
import { backoffMs, type Decision } from './machine'
import type { FixtureExchange } from '../akeeba/fixtures.test-helper'
import type { StepData } from '../akeeba/types'
import {
  MARKER,
  POLICY,
  Replay,
  backupSequence,
  callOutcome,
  constRand,
  edited,
  exchangeAt,
  lost,
  seededRand,
  type Server,
} from './fixture-replay.test-helper'

function stepData(ex: FixtureExchange): StepData {
  const o = callOutcome(ex)
  if (!o.ok) throw new Error(`${ex.label}: expected a 200 answer, got ${o.kind}: ${o.message}`)
  return o.data
}

function expectContinueAt(d: Decision, delayMs: number, where = '') {
  expect(d.type, where).toBe('continue')
  if (d.type === 'continue') expect(d.delayMs, where).toBe(delayMs)
}

/** Replays a clean recorded backup; returns the run so each test can assert its own fact. */
function replayRunning(seq: FixtureExchange[], r = new Replay()) {
  const decisions = r.calls(seq)
  // Every answer but the last continues stepping at the server's sleepTime (fact 7).
  for (const [i, d] of decisions.slice(0, -1).entries()) {
    const where = `${seq[i].label}`
    expectContinueAt(d, stepData(seq[i]).sleepTime, where)
    expect(r.trace[i].state.phase, where).toBe('step')
    expect(r.trace[i].state.lastStepNumber, where).toBe(stepData(seq[i]).stepNumber)
  }
  return { r, decisions }
}

/** The same recorded answer, as if another method had received it (503 is method-agnostic). */
function as(ex: FixtureExchange, method: string, params: Record<string, string> = {}): FixtureExchange {
  return { ...ex, request: { ...ex.request, method, params } }
}

const domainChain = (ds: Decision[]) =>
  ds
    .map((d) => d.patch.domain)
    .filter((x): x is string => !!x)
    .filter((x, i, a) => i === 0 || a[i - 1] !== x)

describe('full backups replayed (facts 4, 7)', () => {
  const cases: {
    server: Server
    file: string
    start: number
    info: number
    steps: number
    record: number
    repeated: number
  }[] = [
    { server: 'wp', file: '01', start: 2, info: 13, steps: 10, record: 5, repeated: 11 },
    { server: 'joomla', file: '02', start: 2, info: 30, steps: 27, record: 1, repeated: 28 },
  ]
  for (const c of cases) {
    it(`${c.server} ${c.file}: every step continues at sleepTime; the finished answer repeating stepNumber ${c.repeated} goes to verify; BackupID null keeps record ${c.record}; complete record → succeeded`, () => {
      const seq = backupSequence(c.server, c.file, c.start)
      expect(seq).toHaveLength(1 + c.steps)
      const { r, decisions } = replayRunning(seq)
      const start = stepData(seq[0])

      // fact 4: the final `finished` answer legally repeats the previous stepNumber.
      const [postrun, finished] = [stepData(seq.at(-2)!), stepData(seq.at(-1)!)]
      expect([postrun.stepState, postrun.stepNumber, postrun.hasRun]).toEqual(['postrun', c.repeated, true])
      expect([finished.stepState, finished.stepNumber, finished.hasRun]).toEqual(['finished', c.repeated, false])
      const last = decisions.at(-1)!
      expectContinueAt(last, 0)
      expect(last.patch).toMatchObject({
        phase: 'reconcile',
        reconcileReason: 'verify',
        pendingError: null,
        lastStepNumber: c.repeated,
      })

      // fact 7: the final answer has BackupID null; the record id from startBackup survives.
      expect(finished.recordId).toBeNull()
      expect(start.recordId).toBe(c.record)
      expect(r.state).toMatchObject({
        phase: 'reconcile',
        remoteBackupId: start.backupid,
        remoteRecordId: c.record,
        archiveName: start.archive,
      })

      // verify asks getBackupInfo(our record id) — the helper refuses any other id — and it is complete.
      const v = r.reconcile(exchangeAt(c.server, c.file, c.info))
      expect(v.type).toBe('succeeded')
      expect(v.patch).toMatchObject({
        remoteRecordId: c.record,
        archiveName: start.archive,
        progress: 100,
        pendingError: null,
      })
      expect(r.end).toEqual({ status: 'succeeded' })
    })
  }

  it('fact 7: a non-zero sleepTime is honoured as the next delay (the recorded ones are all 0)', () => {
    const seq = backupSequence('wp', '01', 2)
    const r = new Replay()
    r.calls(seq.slice(0, 3))
    const d = r.call(
      edited(seq[3], (x) => {
        x.sleepTime = 3000
      }),
    )
    expectContinueAt(d, 3000)
    const dStart = new Replay().call(
      edited(seq[0], (x) => {
        x.sleepTime = 1500
      }),
    )
    expectContinueAt(dStart, 1500)
  })

  it('fact 7: the verify record supplies the archive name when the run never got one', () => {
    const r = new Replay()
    const seq = backupSequence('wp', '01', 2)
    r.calls(seq)
    r.state = { ...r.state, archiveName: null }
    const v = r.reconcile(exchangeAt('wp', '01', 13))
    expect(v.patch.archiveName).toBe('site-127.0.0.1-20261128-230746utc-WmAAWj57Zsb55SAd.jpa')
  })
})

describe('db-only backups (fact 5: domain chains differ by backup type)', () => {
  const cases: { server: Server; file: string; start: number; info: number }[] = [
    { server: 'wp', file: '02', start: 0, info: 7 },
    { server: 'joomla', file: '03', start: 2, info: 9 },
  ]
  for (const c of cases) {
    it(`${c.server} ${c.file}: the domain chain is init → PackDB → finale, and the run succeeds`, () => {
      const seq = backupSequence(c.server, c.file, c.start)
      const { r, decisions } = replayRunning(seq)
      expect(domainChain(decisions)).toEqual(['init', 'PackDB', 'finale'])
      expect(decisions.at(-1)!.patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'verify' })
      expect(r.reconcile(exchangeAt(c.server, c.file, c.info)).type).toBe('succeeded')
    })
  }

  it('joomla 03: verifying through listBackups (no record id known) finds our record and succeeds', () => {
    const seq = backupSequence('joomla', '03', 2)
    const { r } = replayRunning(seq)
    r.state = { ...r.state, remoteRecordId: null, remoteBackupId: stepData(seq[0]).backupid }
    expect(r.reconcile(exchangeAt('joomla', '03', 10)).type).toBe('succeeded')
    expect(r.state.remoteRecordId).toBe(2)
  })

  it('fact 5: full backups go init → installer → PackDB → Packing → finale; unknown domain names are display text', () => {
    const { decisions } = replayRunning(backupSequence('wp', '01', 2))
    expect(domainChain(decisions)).toEqual(['init', 'installer', 'PackDB', 'Packing', 'finale'])
    const seq = backupSequence('wp', '01', 2)
    const r = new Replay()
    r.calls(seq.slice(0, 4))
    const d = r.call(
      edited(seq[4], (x) => {
        x.Domain = 'SomethingNew'
      }),
    )
    expectContinueAt(d, 0)
    expect(d.patch.domain).toBe('SomethingNew')
  })
})

describe('warnings (fact 6)', () => {
  const cases: { server: Server; file: string; runs: { start: number; verify: number }[] }[] = [
    // wp 03 has no getBackupInfo; wp 07 #0 lists records 9 (run A) and 10 (run B), both complete.
    {
      server: 'wp',
      file: '03',
      runs: [
        { start: 0, verify: -1 },
        { start: 13, verify: -1 },
      ],
    },
    {
      server: 'joomla',
      file: '05',
      runs: [
        { start: 1, verify: 31 },
        { start: 32, verify: 62 },
      ],
    },
  ]
  for (const c of cases) {
    it(`${c.server} ${c.file}: steps carrying warnings continue, the JPS empty-password warning in startBackup too, and both runs succeed`, () => {
      let stepsWithWarnings = 0
      for (const run of c.runs) {
        const seq = backupSequence(c.server, c.file, run.start)
        const { r, decisions } = replayRunning(seq)
        for (const [i, ex] of seq.entries()) {
          if (stepData(ex).warnings.length === 0) continue
          if (i > 0) stepsWithWarnings++
          expect(decisions[i].type, ex.label).toBe('continue')
        }
        const verify = run.verify >= 0 ? exchangeAt(c.server, c.file, run.verify) : exchangeAt('wp', '07', 0)
        expect(r.reconcile(verify).type).toBe('succeeded')
      }
      expect(stepsWithWarnings).toBe(2)
      // Run B's startBackup itself carries the warning and still goes on to step.
      const startB = backupSequence(c.server, c.file, c.runs[1].start)[0]
      expect(stepData(startB).warnings).toEqual(['You are using an empty password. This is not secure at all!'])
      const d = new Replay().call(startB)
      expectContinueAt(d, 0)
      expect(d.patch.phase).toBe('step')
    })
  }
})

describe('backup failures (fact 2, fact 8, fact 11)', () => {
  const q001: [Server, string, number][] = [
    ['wp', '04', 0],
    ['joomla', '06', 1],
  ]
  for (const [server, file, i] of q001) {
    it(`fact 2: ${server} ${file} Q001 at startBackup → failed backup_error in the server's words, never reconciled or retried`, () => {
      const r = new Replay()
      const d = r.call(exchangeAt(server, file, i))
      expect(d.type).toBe('failed')
      expect(r.end).toMatchObject({ status: 'failed', errorKind: 'backup_error' })
      if (d.type === 'failed') {
        expect(d.message).toContain('Q001')
        expect(d.message).toMatch(/^A backup error has occurred: Failed configuration check Q001/)
      }
      expect(r.state.remoteRecordId).toBeNull()
    })
  }

  const midRun: { server: Server; file: string; start: number; steps: number; info: number; record: number }[] = [
    { server: 'wp', file: '04', start: 2, steps: 6, info: 9, record: 11 },
    { server: 'joomla', file: '06', start: 3, steps: 7, info: 13, record: 9 },
  ]
  for (const c of midRun) {
    it(`fact 2 + 8: ${c.server} ${c.file} B status 500 mid-run → reconcile step_error → record still 'run' → failed with the server's raw text`, () => {
      const seq = backupSequence(c.server, c.file, c.start)
      const r = new Replay()
      const ds = r.calls(seq.slice(0, 1 + c.steps))
      for (const d of ds.slice(0, -1)) expect(d.type).toBe('continue')
      const failed = callOutcome(seq[c.steps])
      expect(failed).toMatchObject({ ok: false, kind: 'backup_error' })
      const d = ds.at(-1)!
      expectContinueAt(d, 0)
      expect(d.patch).toMatchObject({
        phase: 'reconcile',
        reconcileReason: 'step_error',
        pendingError: { kind: 'backup_error' },
      })

      // fact 8: a failed backup's record stays `run`; the run still ends failed (no lag retry for step_error).
      const info = exchangeAt(c.server, c.file, c.info)
      expect(info.response!.body).toContain('"status":"run"')
      const v = r.reconcile(info)
      expect(v.type).toBe('failed')
      expect(r.end).toMatchObject({ status: 'failed', errorKind: 'backup_error' })
      if (v.type === 'failed') {
        expect(v.message).toContain(
          'A backup error has occurred: ftruncate(): Argument #1 ($stream) must be of type resource, bool given',
        )
        expect(v.message).toContain(`#${c.record}`)
      }
      // fact 2: the state is gone; the runner never steps it again (wp #10 would have been a zombie).
      expect(() => r.call(seq[1 + c.steps] ?? seq[c.steps])).toThrow(/already ended/)
    })
  }

  it('fact 11: wp 04 B — the same status 500, but the record is complete (crash around the last step) → succeeded', () => {
    const seq = backupSequence('wp', '04', 2)
    const r = new Replay()
    r.calls(seq.slice(0, 7))
    expect(r.state.reconcileReason).toBe('step_error')
    const v = r.reconcile(
      edited(exchangeAt('wp', '04', 9), (x) => {
        x.status = 'complete'
      }),
    )
    expect(v.type).toBe('succeeded')
    expect(v.patch).toMatchObject({ pendingError: null, reconcileReason: null })
  })

  it('fact 11: joomla 04 — stepBackup of a finished backup answers 500 "saving temporary data"; with its record complete (joomla 02) → succeeded', () => {
    // A run that crashed after sending the final step: its last known number is postrun's 28.
    const r = new Replay({
      phase: 'step',
      remoteBackupId: 'id-20261129-000555-191980',
      remoteRecordId: 1,
      lastStepNumber: 28,
    })
    const ex = exchangeAt('joomla', '04', 15)
    expect(ex.request.params.backupid).toBe('id-20261129-000555-191980')
    const d = r.call(ex)
    expect(d.patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'step_error' })
    expect(r.reconcile(exchangeAt('joomla', '02', 30)).type).toBe('succeeded')
  })
})

describe('zombies (fact 4: a fresh state is never stepped again)', () => {
  it('wp 04 C: the temp state deleted mid-run → fresh state (backupid "", stepNumber 1) → reconcile zombie → record still run → failed zombie', () => {
    const seq = backupSequence('wp', '04', 12)
    const r = new Replay()
    const ds = r.calls(seq.slice(0, 7))
    for (const d of ds.slice(0, -1)) expect(d.type).toBe('continue')
    const fresh = stepData(seq[6])
    expect([fresh.backupid, fresh.stepNumber, fresh.recordId, fresh.hasRun]).toEqual(['', 1, null, true])
    const d = ds.at(-1)!
    expectContinueAt(d, 0)
    expect(d.patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'zombie', pendingError: { kind: 'zombie' } })
    // The stranger's backup that the recorder then drove to completion (#19–#29) is never sent.
    expect(r.state).toMatchObject({
      phase: 'reconcile',
      remoteBackupId: stepData(seq[0]).backupid,
      remoteRecordId: 12,
      lastStepNumber: 7,
    })
    expect(() => r.call(seq[7])).toThrow(/phase 'reconcile'/)

    const v = r.reconcile(exchangeAt('wp', '04', 30))
    expect(v.type).toBe('failed')
    expect(r.end).toMatchObject({ status: 'failed', errorKind: 'zombie' })
    if (v.type === 'failed') expect(v.message).toContain('record #12 as running')
    for (const ex of seq.slice(7)) expect(() => r.call(ex)).toThrow(/already ended/)
  })

  it("wp 08: startBackup B killed A; A's next step is a fresh state → reconcile zombie → record fail → failed zombie, while B succeeds", () => {
    const a = new Replay()
    const seqA = backupSequence('wp', '08', 0)
    const seqB = backupSequence('wp', '08', 1)
    a.call(seqA[0])
    const b = new Replay({ marker: 'stepwise-run:other' })
    b.call(seqB[0])
    const d = a.call(seqA[1])
    expect(d.patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'zombie' })
    expect(() => a.call(seqA[2])).toThrow(/phase 'reconcile'/)
    const v = a.reconcile(exchangeAt('wp', '08', 2))
    expect(v.type).toBe('failed')
    expect(a.end).toMatchObject({ status: 'failed', errorKind: 'zombie' })
    if (v.type === 'failed') expect(v.message).toContain('#15 is failed')

    // B is untouched by A's fate.
    const ds = b.calls(seqB.slice(1))
    expect(ds.slice(0, -1).every((x) => x.type === 'continue')).toBe(true)
    expect(b.state.reconcileReason).toBe('verify')
    expect(b.reconcile(exchangeAt('wp', '08', 30)).type).toBe('succeeded')
  })

  it('wp 08: even the zombie\'s second answer (backupid "", BackupID 17 — a stranger\'s record) is refused', () => {
    const a = new Replay()
    const seqA = backupSequence('wp', '08', 0)
    a.call(seqA[0])
    const d = a.call(seqA[2]) // as if the first fresh-state answer had been lost
    expect(stepData(seqA[2]).recordId).toBe(17)
    expect(d.patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'zombie' })
    expect(d.patch.remoteRecordId).toBeUndefined()
    expect(a.state.remoteRecordId).toBe(15)
  })

  it('fact 4 + 11: wp 06 — a finished backup stepped again answers a fresh state; with its record complete → succeeded', () => {
    const r = new Replay({
      phase: 'step',
      remoteBackupId: 'id-20261128-230933-554602',
      remoteRecordId: 10,
      lastStepNumber: 11,
    })
    const ex = exchangeAt('wp', '06', 15)
    expect(ex.request.params.backupid).toBe('id-20261128-230933-554602')
    expect(r.call(ex).patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'zombie' })
    expect(r.reconcile(exchangeAt('wp', '04', 1)).type).toBe('succeeded') // listBackups: record 10 complete
  })
})

describe('killed backups on Joomla (fact 11, joomla README 10)', () => {
  it("joomla 08 (a): B killed A; A's steps answer status 500 → reconcile step_error → record fail → failed, while B succeeds", () => {
    const a = new Replay()
    const b = new Replay({ marker: 'stepwise-run:other' })
    const seqA = backupSequence('joomla', '08', 1)
    const seqB = backupSequence('joomla', '08', 2)
    expect(seqA).toHaveLength(4) // start + three 500s
    a.call(seqA[0])
    b.call(seqB[0])
    const d = a.call(seqA[1])
    expect(callOutcome(seqA[1])).toMatchObject({ ok: false, kind: 'backup_error' })
    expect(d.patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'step_error' })
    expect(() => a.call(seqA[2])).toThrow(/phase 'reconcile'/)
    const v = a.reconcile(exchangeAt('joomla', '08', 3))
    expect(v.type).toBe('failed')
    expect(a.end).toMatchObject({ status: 'failed', errorKind: 'backup_error' })
    if (v.type === 'failed') {
      expect(v.message).toContain('problem while saving temporary data')
      expect(v.message).toContain('#12 is failed')
    }
    const ds = b.calls(seqB.slice(1))
    expect(ds.slice(0, -1).every((x) => x.type === 'continue')).toBe(true)
    expect(b.reconcile(exchangeAt('joomla', '08', 35)).type).toBe('succeeded')
  })
})

describe("someone else's answer (fact 4: backupid changed, stepNumber backwards)", () => {
  it("wp 08: B's step answer arriving for A → reconcile backupid_changed → A's record fail → failed backupid_changed", () => {
    const a = new Replay()
    a.call(exchangeAt('wp', '08', 0))
    const d = a.call(exchangeAt('wp', '08', 5)) // B's step 1 answer, fed to A
    expectContinueAt(d, 0)
    expect(d.patch).toMatchObject({
      phase: 'reconcile',
      reconcileReason: 'backupid_changed',
      pendingError: { kind: 'backupid_changed' },
    })
    expect(d.patch.pendingError?.message).toContain('id-20261128-231121-508615')
    expect(d.patch.pendingError?.message).toContain('id-20261128-231121-398795')
    expect(a.state.remoteBackupId).toBe('id-20261128-231121-398795')
    expect(a.state.remoteRecordId).toBe(15)
    const v = a.reconcile(exchangeAt('wp', '08', 2))
    expect(v.type).toBe('failed')
    expect(a.end).toMatchObject({ status: 'failed', errorKind: 'backupid_changed' })
  })

  it('wp 01 edited: a step whose backupid changed → reconcile backupid_changed → record run → failed backupid_changed', () => {
    const seq = backupSequence('wp', '01', 2)
    const r = new Replay()
    r.calls(seq.slice(0, 5))
    const d = r.call(
      edited(seq[5], (x) => {
        x.backupid = 'id-20261128-999999-000001'
      }),
    )
    expect(d.patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'backupid_changed' })
    expect(r.state.lastStepNumber).toBe(6) // the foreign answer's number is not taken
    const v = r.reconcile(
      edited(exchangeAt('wp', '01', 13), (x) => {
        x.status = 'run'
      }),
    )
    expect(v.type).toBe('failed')
    expect(r.end).toMatchObject({ status: 'failed', errorKind: 'backupid_changed' })
  })

  it('wp 01 edited: stepNumber going backwards (8 → 6) → reconcile step_regressed → record run → failed step_regressed', () => {
    const seq = backupSequence('wp', '01', 2)
    const r = new Replay()
    r.calls(seq.slice(0, 7))
    expect(r.state.lastStepNumber).toBe(8)
    const d = r.call(
      edited(seq[7], (x) => {
        x.stepNumber = 6
      }),
    )
    expect(d.patch).toMatchObject({
      phase: 'reconcile',
      reconcileReason: 'step_regressed',
      pendingError: { kind: 'step_regressed' },
    })
    expect(d.patch.pendingError?.message).toContain('from 8 to 6')
    expect(r.state.lastStepNumber).toBe(8)
    const v = r.reconcile(
      edited(exchangeAt('wp', '01', 13), (x) => {
        x.status = 'run'
      }),
    )
    expect(v.type).toBe('failed')
    expect(r.end).toMatchObject({ status: 'failed', errorKind: 'step_regressed' })
  })

  it("fact 4: a repeated stepNumber before the end (HasRun still true) is a regression, unlike the finished answer's repeat", () => {
    const seq = backupSequence('wp', '01', 2)
    const r = new Replay()
    r.calls(seq.slice(0, 7))
    const d = r.call(
      edited(seq[7], (x) => {
        x.stepNumber = 8
      }),
    )
    expect(d.patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'step_regressed' })
    const v = r.reconcile(
      edited(exchangeAt('wp', '01', 13), (x) => {
        x.status = 'fail'
      }),
    )
    expect(r.end).toMatchObject({ status: 'failed', errorKind: 'step_regressed' })
    expect(v.type).toBe('failed')
  })

  it('fact 4: a finished answer whose stepNumber went backwards is not accepted as the end', () => {
    const seq = backupSequence('wp', '01', 2)
    const r = new Replay()
    r.calls(seq.slice(0, 10)) // up to postrun, 11
    const d = r.call(
      edited(seq[10], (x) => {
        x.stepNumber = 10
      }),
    )
    expect(d.patch).toMatchObject({ phase: 'reconcile', reconcileReason: 'step_regressed' })
  })

  it('fact 4: numbers may jump by more than 1 (no regression)', () => {
    const seq = backupSequence('wp', '01', 2)
    const r = new Replay()
    r.calls(seq.slice(0, 4))
    const d = r.call(
      edited(seq[4], (x) => {
        x.stepNumber = 9
      }),
    )
    expectContinueAt(d, 0)
    expect(r.state.lastStepNumber).toBe(9)
  })
})

describe('lost step responses (fact 10: a lost step is not a lost step)', () => {
  const cases: { server: Server; file: string; start: number; verify: number; jump: [number, number] }[] = [
    { server: 'wp', file: '09', start: 0, verify: 11, jump: [5, 7] },
    { server: 'joomla', file: '08', start: 37, verify: 65, jump: [5, 7] },
    { server: 'wp', file: '09', start: 12, verify: 24, jump: [5, 6] }, // run B: re-sent while the lost step still ran
  ]
  for (const c of cases) {
    it(`${c.server} ${c.file} (start #${c.start}): a lost stepBackup → continue with retryCount+1 after ≥ the step time; the re-send (${c.jump[0]} → ${c.jump[1]}) continues; the run succeeds`, () => {
      const seq = backupSequence(c.server, c.file, c.start)
      const lostAt = seq.findIndex((e) => e.response === null)
      expect(lostAt).toBe(4)
      const r = new Replay()
      r.calls(seq.slice(0, lostAt))
      expect(r.state.lastStepNumber).toBe(c.jump[0])

      const d = r.call(seq[lostAt])
      expect(callOutcome(seq[lostAt])).toMatchObject({ ok: false, kind: 'timeout' })
      expect(d.type).toBe('continue')
      if (d.type === 'continue') {
        expect(d.delayMs).toBeGreaterThanOrEqual(POLICY.firstDelayMs)
        expect(d.delayMs).toBeLessThanOrEqual(POLICY.maxDelayMs)
      }
      // Only the retry counter moves: the same stepBackup is re-sent for the same backup.
      expect(d.patch).toEqual({ retryCount: 1 })
      expect(r.state).toMatchObject({ phase: 'step', retryCount: 1, lastStepNumber: c.jump[0] })

      const resent = r.call(seq[lostAt + 1])
      expect(stepData(seq[lostAt + 1]).stepNumber).toBe(c.jump[1])
      expectContinueAt(resent, 0)
      expect(r.state).toMatchObject({ retryCount: 0, lastStepNumber: c.jump[1] })

      const rest = r.calls(seq.slice(lostAt + 2))
      expect(rest.slice(0, -1).every((x) => x.type === 'continue')).toBe(true)
      expect(r.state.reconcileReason).toBe('verify')
      expect(r.reconcile(exchangeAt(c.server, c.file, c.verify)).type).toBe('succeeded')
    })
  }

  for (const kind of ['timeout', 'transport', 'http', 'unparsable'] as const) {
    it(`fact 10: ${kind} on stepBackup is retried ${POLICY.maxRetries} times with growing delays ≥ the step time, then failed with kind ${kind}`, () => {
      const seq = backupSequence('wp', '09', 0)
      const r = new Replay()
      r.calls(seq.slice(0, 4))
      const delays: number[] = []
      for (let i = 1; i <= POLICY.maxRetries; i++) {
        const d = r.call(lost('stepBackup', kind))
        expect(d.type).toBe('continue')
        if (d.type === 'continue') delays.push(d.delayMs)
        expect(r.state.retryCount).toBe(i)
      }
      expect(delays).toEqual([10_000, 20_000, 40_000]) // rand 0.5: no jitter offset
      const d = r.call(lost('stepBackup', kind, 'socket hang up'))
      expect(d.type).toBe('failed')
      expect(r.end).toMatchObject({ status: 'failed', errorKind: kind })
      if (d.type === 'failed') expect(d.message).toContain('socket hang up')
    })
  }

  it('fact 10: a successful answer between losses resets the retry budget', () => {
    const seq = backupSequence('wp', '09', 0)
    const r = new Replay()
    r.calls(seq.slice(0, 2))
    r.call(lost('stepBackup'))
    r.call(lost('stepBackup'))
    expect(r.state.retryCount).toBe(2)
    r.call(seq[2])
    expect(r.state.retryCount).toBe(0)
  })

  it('fact 2: non-retryable errors on stepBackup (status 0 "backupid MANDATORY", 405) fail at once', () => {
    for (const [server, file, i] of [
      ['wp', '06', 12],
      ['joomla', '04', 11],
    ] as const) {
      const r = new Replay({ phase: 'step', remoteBackupId: 'id-x', remoteRecordId: 1, lastStepNumber: 3 })
      const d = r.call(exchangeAt(server, file, i))
      expect(d.type).toBe('failed')
      expect(r.end).toMatchObject({ status: 'failed', errorKind: 'protocol' })
    }
  })
})

describe('lost startBackup response (fact 3: never re-sent blindly)', () => {
  /** joomla 07 #58 listBackups, with record 11 (the backup #57 started) carrying our marker. */
  const listWithOurRunning = () =>
    edited(exchangeAt('joomla', '07', 58), (x) => {
      if (x.id === '11') x.comment = MARKER
    })

  it('joomla 07: timeout on startBackup → reconcile start_lost after ≥ the step time → our record in run → phase step with its backupid → the run completes', () => {
    const r = new Replay()
    const d = r.call(lost('startBackup', 'timeout'))
    expectContinueAt(d, POLICY.firstDelayMs)
    expect(d.patch).toMatchObject({
      phase: 'reconcile',
      reconcileReason: 'start_lost',
      pendingError: { kind: 'timeout' },
    })

    const rec = r.reconcile(listWithOurRunning())
    expectContinueAt(rec, 0)
    expect(r.state).toMatchObject({
      phase: 'step',
      remoteBackupId: 'id-20261129-001331-648732',
      remoteRecordId: 11,
      archiveName: 'site-127.0.0.1-20261129-001331utc-lV8P9EvsKEc37LK4.sql',
      reconcileReason: null,
      pendingError: null,
    })

    const steps = backupSequence('joomla', '07', 57).slice(1)
    expect(steps).toHaveLength(6)
    const ds = r.calls(steps)
    expect(ds.slice(0, -1).every((x) => x.type === 'continue')).toBe(true)
    expect(r.state.reconcileReason).toBe('verify')
    expect(r.reconcile(exchangeAt('joomla', '07', 66)).type).toBe('succeeded')
    // Never a second startBackup on this path.
    expect(r.trace.filter((t) => 'call' in t.outcome && t.outcome.call === 'startBackup')).toHaveLength(1)
    expect(r.trace.some((t) => t.state.phase === 'start')).toBe(false)
  })

  it('wp 07: the same on WordPress — our pending record (run) is resumed, not restarted', () => {
    const r = new Replay()
    r.call(lost('startBackup', 'transport'))
    r.reconcile(
      edited(exchangeAt('wp', '07', 14), (x) => {
        if (x.id === '18') x.comment = MARKER
      }),
    )
    expect(r.state).toMatchObject({ phase: 'step', remoteBackupId: 'id-20261128-231211-937540', remoteRecordId: 18 })
    r.calls(backupSequence('wp', '07', 13).slice(1))
    expect(r.reconcile(exchangeAt('wp', '07', 26)).type).toBe('succeeded')
  })

  it('fact 3: a running record without our marker is not ours: never resumed; the site has none of ours → one new start', () => {
    const r = new Replay()
    r.call(lost('startBackup'))
    r.reconcile(exchangeAt('joomla', '07', 58)) // record 11 is run, but its comment is ""
    expect(r.state).toMatchObject({ phase: 'start', remoteBackupId: null, remoteRecordId: null, reconcileCount: 1 })
  })

  it('fact 3: the site has no record of ours (wp 04 A listBackups) → one new startBackup; lost again → failed, no third start', () => {
    const r = new Replay()
    r.call(lost('startBackup'))
    const d1 = r.reconcile(exchangeAt('wp', '04', 1))
    expectContinueAt(d1, 0)
    expect(r.state).toMatchObject({ phase: 'start', reconcileCount: 1, reconcileReason: null, pendingError: null })
    const d2 = r.call(lost('startBackup'))
    expectContinueAt(d2, POLICY.firstDelayMs)
    expect(r.state.reconcileReason).toBe('start_lost')
    const d3 = r.reconcile(exchangeAt('wp', '04', 1))
    expect(d3.type).toBe('failed')
    expect(r.end).toMatchObject({ status: 'failed', errorKind: 'timeout' })
    if (d3.type === 'failed') expect(d3.message).toContain('no record')
  })

  it('fact 3: our record exists but failed (wp 08 listBackups, record 15 marked) → failed, never restarted', () => {
    const r = new Replay()
    r.call(lost('startBackup', 'http'))
    const d = r.reconcile(
      edited(exchangeAt('wp', '08', 31), (x) => {
        if (x.id === '15') x.comment = MARKER
      }),
    )
    expect(d.type).toBe('failed')
    expect(r.end).toMatchObject({ status: 'failed', errorKind: 'http' })
    if (d.type === 'failed') expect(d.message).toContain('#15 is failed')
  })

  it('fact 3: the site not answering the reconcile is retried with backoff, then fails with the original error', () => {
    const r = new Replay()
    r.call(lost('startBackup'))
    for (let i = 1; i <= POLICY.maxReconciles; i++) {
      const d = r.reconcile({ ok: false, kind: 'transport', message: 'ECONNREFUSED' })
      expect(d.type).toBe('continue')
      if (d.type === 'continue') expect(d.delayMs).toBeGreaterThanOrEqual(POLICY.firstDelayMs)
      expect(r.state).toMatchObject({ phase: 'reconcile', reconcileReason: 'start_lost', reconcileCount: i })
    }
    const d = r.reconcile({ ok: false, kind: 'transport', message: 'ECONNREFUSED' })
    expect(d.type).toBe('failed')
    expect(r.end).toMatchObject({ status: 'failed', errorKind: 'timeout' })
  })

  it('fact 3: a startBackup refused outright (status 500) is not a lost answer: failed, no reconcile', () => {
    const r = new Replay()
    const d = r.call(lost('startBackup', 'backup_error', 'A backup error has occurred: boom'))
    expect(d.type).toBe('failed')
    expect(r.state.phase).toBe('starting')
  })
})

describe('verify (the site said finished)', () => {
  it('wp 07: a record still in run right after finished is asked again (record lag), then complete → succeeded', () => {
    const r = new Replay()
    const seq = backupSequence('wp', '07', 13)
    r.calls(seq)
    const d = r.reconcile(exchangeAt('wp', '07', 15)) // record 18, status run
    expect(d.type).toBe('continue')
    if (d.type === 'continue') expect(d.delayMs).toBeGreaterThanOrEqual(POLICY.firstDelayMs)
    expect(r.state.reconcileCount).toBe(1)
    expect(r.reconcile(exchangeAt('wp', '07', 26)).type).toBe('succeeded')
  })

  it('a record that stays run or is gone → failed unverified, never succeeded on the step answer alone', () => {
    const seq = backupSequence('wp', '07', 13)
    const r = new Replay()
    r.calls(seq)
    for (let i = 0; i < POLICY.maxReconciles; i++) expect(r.reconcile(exchangeAt('wp', '07', 15)).type).toBe('continue')
    expect(r.reconcile(exchangeAt('wp', '07', 15)).type).toBe('failed')
    expect(r.end).toMatchObject({ status: 'failed', errorKind: 'unverified' })

    const gone = new Replay()
    gone.calls(seq)
    const d = gone.reconcile({ ok: true, record: null })
    expect(d.type).toBe('failed')
    expect(gone.end).toMatchObject({ status: 'failed', errorKind: 'unverified' })
  })
})

describe('auth (503 Access denied) anywhere → failed with advice', () => {
  const denied: [Server, string, number][] = [
    ['wp', '06', 0],
    ['joomla', '04', 0],
  ]
  for (const [server, file, i] of denied) {
    const ex = exchangeAt(server, file, i)
    it(`${server}: 503 on startBackup, on a mid-run stepBackup and on the verify getBackupInfo → failed auth with advice, never retried`, () => {
      expect(ex.response!.body).toBe('{"status":503,"data":"Access denied"}')

      const atStart = new Replay()
      const d1 = atStart.call(as(ex, 'startBackup'))
      expect(d1.type).toBe('failed')
      expect(atStart.end).toMatchObject({ status: 'failed', errorKind: 'auth' })
      if (d1.type === 'failed') {
        expect(d1.message).toContain('Access denied')
        expect(d1.message).toMatch(/Secret Word/)
      }

      const seq = backupSequence('wp', '01', 2)
      const mid = new Replay()
      mid.calls(seq.slice(0, 3))
      const d2 = mid.call(as(ex, 'stepBackup', { backupid: mid.state.remoteBackupId! }))
      expect(d2.type).toBe('failed')
      expect(mid.end).toMatchObject({ status: 'failed', errorKind: 'auth' })

      const ver = new Replay()
      ver.calls(seq)
      const d3 = ver.reconcile(as(ex, 'getBackupInfo', { backup_id: '5' }))
      expect(d3.type).toBe('failed')
      expect(ver.end).toMatchObject({ status: 'failed', errorKind: 'auth' })
      if (d3.type === 'failed') expect(d3.message).toMatch(/JSON API/)
    })
  }

  it('auth during a start_lost reconcile fails too (not retried as "site not answering")', () => {
    const r = new Replay()
    r.call(lost('startBackup'))
    const d = r.reconcile({ ok: false, kind: 'auth', message: 'Access denied' })
    expect(d.type).toBe('failed')
    expect(r.end).toMatchObject({ status: 'failed', errorKind: 'auth' })
  })
})

describe('backoffMs (fact 10: never faster than the step time)', () => {
  it('is never below firstDelayMs, whatever the jitter', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      for (const v of [0, 0.25, 0.5, 0.999])
        expect(backoffMs(POLICY, attempt, constRand(v))).toBeGreaterThanOrEqual(POLICY.firstDelayMs)
    }
    expect(backoffMs(POLICY, 0, constRand(0))).toBe(POLICY.firstDelayMs)
  })

  it('is capped by maxDelayMs, jitter included', () => {
    for (const attempt of [5, 6, 10, 40, 2000]) {
      for (const v of [0, 0.5, 0.999])
        expect(backoffMs(POLICY, attempt, constRand(v))).toBeLessThanOrEqual(POLICY.maxDelayMs)
    }
  })

  it('grows exponentially from the step time', () => {
    expect([0, 1, 2, 3, 4].map((a) => backoffMs(POLICY, a, constRand(0.5)))).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000,
    ])
  })

  it('is jittered (±20 %) so sites behind one proxy do not retry in lockstep', () => {
    expect(backoffMs(POLICY, 2, constRand(0))).toBe(32_000)
    expect(backoffMs(POLICY, 2, constRand(0.999))).toBeGreaterThan(47_000)
    const rand = seededRand(7)
    const values = Array.from({ length: 20 }, () => backoffMs(POLICY, 3, rand))
    expect(new Set(values).size).toBeGreaterThan(10)
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(64_000)
      expect(v).toBeLessThanOrEqual(96_000)
    }
  })
})

describe('every recorded backup answer is accepted by the machine', () => {
  it('no clean fixture step is mistaken for a zombie, a stranger or a regression', () => {
    const clean: [Server, string, number][] = [
      ['wp', '01', 2],
      ['wp', '02', 0],
      ['wp', '03', 0],
      ['wp', '03', 13],
      ['wp', '07', 13],
      ['wp', '08', 1],
      ['joomla', '02', 2],
      ['joomla', '03', 2],
      ['joomla', '05', 1],
      ['joomla', '05', 32],
      ['joomla', '07', 57],
      ['joomla', '08', 2],
    ]
    for (const [server, file, start] of clean) {
      const r = new Replay()
      const ds = r.calls(backupSequence(server, file, start))
      const reasons = ds.map((d) => d.patch.reconcileReason).filter((x) => x !== undefined)
      expect(reasons, `${server} ${file} #${start}`).toEqual(['verify'])
      expect(
        ds.every((d: Decision) => d.type === 'continue'),
        `${server} ${file} #${start}`,
      ).toBe(true)
    }
  })

  it("the row the runner persists after a recorded full backup: succeeded with the site's record, archive and last step", () => {
    // The replay writes applyDecision's typed row update onto the row, as commitTick does.
    const seq = backupSequence('wp', '01', 2)
    const r = new Replay()
    r.calls(seq)
    r.reconcile(exchangeAt('wp', '01', 13))
    const last = stepData(seq.at(-1)!)
    expect(r.row).toMatchObject({
      status: 'succeeded',
      phase: 'reconcile',
      progress: 100,
      remoteRecordId: 5,
      remoteBackupId: 'id-20261128-230746-938840',
      archiveName: 'site-127.0.0.1-20261128-230746utc-WmAAWj57Zsb55SAd.jpa',
      lastStepNumber: last.stepNumber,
      errorKind: null,
      errorMessage: null,
      nextTickAt: null,
      reconcileReason: null,
      pendingErrorKind: null,
      warningsCount: 0,
    })
    expect(r.end).toEqual({ status: 'succeeded' })
  })
})
