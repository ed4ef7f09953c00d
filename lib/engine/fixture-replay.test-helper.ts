// Drives the pure state machine (machine.ts) with the real servers' recorded answers, carrying the run's
// state forward the way the runner (tick.ts) does: each answer goes through interpretResponse, becomes a
// CallOutcome or ReconcileOutcome, and the decision's patch is applied field by field.
import { loadFixtures, type FixtureExchange, type FixtureFile } from '../akeeba/fixtures.test-helper'
import { interpretResponse } from '../akeeba/interpret-response'
import { AkeebaError, type AkeebaErrorKind, type BackupRecord } from '../akeeba/types'
import {
  decideAfterCall, decideAfterReconcile, findOurRecord,
  type CallOutcome, type Decision, type ReconcileOutcome, type RetryPolicy, type RunPatch, type RunState,
} from './machine'

export const POLICY: RetryPolicy = { firstDelayMs: 10_000, maxRetries: 3, maxDelayMs: 300_000, maxReconciles: 3 }

/** Deterministic jitter source: always the same value. */
export const constRand = (v = 0.5) => () => v

/** Deterministic jitter source: a small LCG, so a sequence of calls sees different values. */
export function seededRand(seed = 42): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export const MARKER = 'stepwise-run:run-under-test'

const DIRS = { wp: 'akeeba-wp-9.1.1', joomla: 'akeeba-joomla' } as const
export type Server = keyof typeof DIRS

let cache: FixtureFile[] | null = null
export function fixture(server: Server, prefix: string): FixtureFile {
  cache ??= loadFixtures()
  const f = cache.find((x) => x.dir === DIRS[server] && x.file.startsWith(prefix))
  if (!f) throw new Error(`no fixture ${DIRS[server]}/${prefix}`)
  return f
}

export function exchangeAt(server: Server, prefix: string, index: number): FixtureExchange {
  const ex = fixture(server, prefix).exchanges[index]
  if (!ex) throw new Error(`no exchange ${prefix} #${index}`)
  return ex
}

/** The startBackup at `startIndex` and every later stepBackup sent with the backupid it answered, in order. */
export function backupSequence(server: Server, prefix: string, startIndex: number): FixtureExchange[] {
  const all = fixture(server, prefix).exchanges
  const start = all[startIndex]
  if (start?.request.method !== 'startBackup') throw new Error(`${prefix} #${startIndex} is not a startBackup`)
  const backupid = (JSON.parse(start.response!.body) as { data: { backupid: string } }).data.backupid
  return [start, ...all.slice(startIndex + 1).filter((e) => e.request.method === 'stepBackup' && e.request.params.backupid === backupid)]
}

/** A copy of a recorded exchange whose envelope `data` object was edited (constructed cases). */
export function edited(ex: FixtureExchange, edit: (data: Record<string, unknown>) => void): FixtureExchange {
  const env = JSON.parse(ex.response!.body) as { status: number; data: unknown }
  const items = Array.isArray(env.data) ? (env.data as Record<string, unknown>[]) : [env.data as Record<string, unknown>]
  for (const d of items) edit(d)
  return { ...ex, label: `${ex.label ?? ''} (edited)`, response: { ...ex.response!, body: JSON.stringify(env) } }
}

/** A lost answer, as the client reports it (no response read). */
export function lost(call: 'startBackup' | 'stepBackup', kind: AkeebaErrorKind = 'timeout', message = 'client aborted; no response read'): CallOutcome {
  return { call, ok: false, kind, message }
}

/** What the runner hands decideAfterCall for one recorded startBackup/stepBackup exchange. */
export function callOutcome(ex: FixtureExchange): CallOutcome {
  const call = ex.request.method
  if (call !== 'startBackup' && call !== 'stepBackup') throw new Error(`not a backup call: ${call}`)
  // A response the client abandoned (files 09 / 08 b): the client reports a timeout.
  if (!ex.response) return lost(call, 'timeout', ex.clientError ?? 'no response')
  try {
    const r = interpretResponse(call, ex.response.httpStatus, ex.response.body)
    return { call, ok: true, data: r.data }
  } catch (e) {
    if (!(e instanceof AkeebaError)) throw e
    return { call, ok: false, kind: e.kind, message: e.message }
  }
}

/** What the runner's askSite hands decideAfterReconcile for a recorded getBackupInfo/listBackups answer. */
export function reconcileOutcome(ex: FixtureExchange, state: RunState): ReconcileOutcome {
  const res = ex.response!
  try {
    if (ex.request.method === 'getBackupInfo') {
      // The runner asks by our record id; replaying another record's answer would prove nothing.
      if (state.remoteRecordId !== null && Number(ex.request.params.backup_id) !== state.remoteRecordId) {
        throw new Error(`replaying getBackupInfo(${ex.request.params.backup_id}) for a run whose record is ${state.remoteRecordId}`)
      }
      return { ok: true, record: interpretResponse('getBackupInfo', res.httpStatus, res.body).data }
    }
    if (ex.request.method === 'listBackups') {
      const list = interpretResponse('listBackups', res.httpStatus, res.body).data
      return { ok: true, record: findOurRecord(list, state) }
    }
  } catch (e) {
    if (!(e instanceof AkeebaError)) throw e
    if (e.kind === 'not_found') return { ok: true, record: null }
    return { ok: false, kind: e.kind, message: e.message }
  }
  throw new Error(`not a reconcile call: ${ex.request.method}`)
}

export function recordFrom(ex: FixtureExchange): BackupRecord {
  return interpretResponse('getBackupInfo', ex.response!.httpStatus, ex.response!.body).data
}

export function freshRun(over: Partial<RunState> = {}): RunState {
  return {
    phase: 'start', remoteBackupId: null, remoteRecordId: null, lastStepNumber: null, archiveName: null,
    retryCount: 0, reconcileCount: 0, marker: MARKER, reconcileReason: null, pendingError: null, ...over,
  }
}

/** The run-state fields of tick.ts apply(): a field is written only when the patch carries it. */
export function applyPatch(s: RunState, p: RunPatch): RunState {
  return {
    ...s,
    ...(p.phase !== undefined ? { phase: p.phase } : {}),
    ...(p.remoteBackupId !== undefined ? { remoteBackupId: p.remoteBackupId } : {}),
    ...(p.remoteRecordId !== undefined ? { remoteRecordId: p.remoteRecordId } : {}),
    ...(p.lastStepNumber !== undefined ? { lastStepNumber: p.lastStepNumber } : {}),
    ...(p.archiveName !== undefined ? { archiveName: p.archiveName } : {}),
    ...(p.retryCount !== undefined ? { retryCount: p.retryCount } : {}),
    ...(p.reconcileCount !== undefined ? { reconcileCount: p.reconcileCount } : {}),
    ...(p.reconcileReason !== undefined ? { reconcileReason: p.reconcileReason } : {}),
    ...(p.pendingError !== undefined ? { pendingError: p.pendingError } : {}),
  }
}

export type RunEnd = { status: 'running' } | { status: 'succeeded' } | { status: 'failed'; errorKind: string; message: string }

export interface TraceEntry {
  what: string
  outcome: CallOutcome | ReconcileOutcome
  decision: Decision
  /** State after the patch. */
  state: RunState
}

/**
 * One run, driven like the runner drives it. It refuses what the runner would never do: send a
 * stepBackup unless the phase is 'step', a startBackup unless it is 'start', ask the site unless it is
 * 'reconcile', or anything at all once the run has ended.
 */
export class Replay {
  state: RunState
  end: RunEnd = { status: 'running' }
  trace: TraceEntry[] = []
  constructor(
    state: Partial<RunState> = {},
    readonly policy: RetryPolicy = POLICY,
    readonly rand: () => number = constRand(),
  ) {
    this.state = freshRun(state)
  }

  get last(): TraceEntry {
    const t = this.trace.at(-1)
    if (!t) throw new Error('nothing replayed yet')
    return t
  }

  private guard(what: string, phases: RunState['phase'][]) {
    if (this.end.status !== 'running') throw new Error(`${what}: the run already ended (${this.end.status})`)
    if (!phases.includes(this.state.phase)) throw new Error(`${what}: the runner would not send this in phase '${this.state.phase}'`)
  }

  private settle(what: string, outcome: CallOutcome | ReconcileOutcome, decision: Decision): Decision {
    this.state = applyPatch(this.state, decision.patch)
    if (decision.type === 'succeeded') this.end = { status: 'succeeded' }
    if (decision.type === 'failed') this.end = { status: 'failed', errorKind: decision.errorKind, message: decision.message }
    this.trace.push({ what, outcome, decision, state: this.state })
    return decision
  }

  /** Feed one startBackup/stepBackup answer (recorded exchange or a constructed outcome). */
  call(input: FixtureExchange | CallOutcome): Decision {
    const outcome = 'request' in input ? callOutcome(input) : input
    const what = 'request' in input ? `${outcome.call} ${input.label ?? ''}` : `${outcome.call} (constructed)`
    if (outcome.call === 'startBackup') {
      this.guard(what, ['start'])
      // tick.ts persists 'starting' before sending, so a crash never leads to a second start.
      this.state = { ...this.state, phase: 'starting' }
    } else {
      this.guard(what, ['step'])
    }
    return this.settle(what, outcome, decideAfterCall(this.state, outcome, this.policy, this.rand))
  }

  /** Feed the site's answer about our record (recorded getBackupInfo/listBackups, or a constructed outcome). */
  reconcile(input: FixtureExchange | ReconcileOutcome): Decision {
    const what = 'request' in input ? `${input.request.method} ${input.label ?? ''}` : 'reconcile (constructed)'
    this.guard(what, ['reconcile'])
    const outcome = 'request' in input ? reconcileOutcome(input, this.state) : input
    return this.settle(what, outcome, decideAfterReconcile(this.state, outcome, this.policy, this.rand))
  }

  /** Feed a whole recorded sequence of backup calls (throws, via the guard, if one would not have been sent). */
  calls(seq: FixtureExchange[]): Decision[] {
    return seq.map((ex) => this.call(ex))
  }
}
