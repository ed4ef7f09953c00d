// Drives the engine's real decision code with the real servers' recorded answers, exactly as tick.ts does
// minus the I/O: decideTick plans the tick from the run row, the recorded answer goes through
// interpretResponse into an Exchange, decideAfter decides, and applyDecision's typed row update is
// written onto the row (the database write is a plain column assignment).
import { loadFixtures, type FixtureExchange, type FixtureFile } from '../akeeba/fixtures.test-helper'
import { interpretResponse } from '../akeeba/interpret-response'
import { AkeebaError, type AkeebaErrorKind, type BackupRecord } from '../akeeba/types'
import { applyDecision, stepWriteOf } from './apply-decision'
import {
  decideAfter,
  decideTick,
  failedExchange,
  runStateOf,
  type Exchange,
  type TickPlan,
  type TickRun,
} from './decide-tick'
import {
  findOurRecord,
  type CallOutcome,
  type Decision,
  type ReconcileOutcome,
  type RetryPolicy,
  type RunState,
} from './machine'

export const POLICY: RetryPolicy = { firstDelayMs: 10_000, maxRetries: 3, maxDelayMs: 300_000, maxReconciles: 3 }

/** Deterministic jitter source: always the same value. */
export const constRand =
  (v = 0.5) =>
  () =>
    v

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
  return [
    start,
    ...all
      .slice(startIndex + 1)
      .filter((e) => e.request.method === 'stepBackup' && e.request.params.backupid === backupid),
  ]
}

/** A copy of a recorded exchange whose envelope `data` object was edited (constructed cases). */
export function edited(ex: FixtureExchange, edit: (data: Record<string, unknown>) => void): FixtureExchange {
  const env = JSON.parse(ex.response!.body) as { status: number; data: unknown }
  const items = Array.isArray(env.data)
    ? (env.data as Record<string, unknown>[])
    : [env.data as Record<string, unknown>]
  for (const d of items) edit(d)
  return { ...ex, label: `${ex.label ?? ''} (edited)`, response: { ...ex.response!, body: JSON.stringify(env) } }
}

/** A lost answer, as the client reports it (no response read). */
export function lost(
  call: 'startBackup' | 'stepBackup',
  kind: AkeebaErrorKind = 'timeout',
  message = 'client aborted; no response read',
): CallOutcome {
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
        throw new Error(
          `replaying getBackupInfo(${ex.request.params.backup_id}) for a run whose record is ${state.remoteRecordId}`,
        )
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
    phase: 'start',
    remoteBackupId: null,
    remoteRecordId: null,
    lastStepNumber: null,
    archiveName: null,
    retryCount: 0,
    reconcileCount: 0,
    marker: MARKER,
    reconcileReason: null,
    pendingError: null,
    ...over,
  }
}

/** The run row that carries a RunState (the inverse of runStateOf). */
export function rowOf(s: RunState): ReplayRow {
  return {
    id: s.marker.replace(/^stepwise-run:/, ''),
    status: 'running',
    phase: s.phase,
    profileId: 1,
    description: null,
    backupType: null,
    remoteBackupId: s.remoteBackupId,
    remoteRecordId: s.remoteRecordId,
    lastStepNumber: s.lastStepNumber,
    archiveName: s.archiveName,
    retryCount: s.retryCount,
    reconcileCount: s.reconcileCount,
    reconcileReason: s.reconcileReason ?? null,
    pendingErrorKind: s.pendingError?.kind ?? null,
    pendingErrorMessage: s.pendingError?.message ?? null,
    cancelRequested: false,
    deleteRemoteOnCancel: false,
    leaseExpiries: 0,
    startedAt: NOW,
    createdAt: NOW,
    warningsCount: 0,
    errorKind: null,
    errorMessage: null,
    progress: 0,
  }
}

export type ReplayRow = TickRun & {
  status: string
  warningsCount: number
  errorKind: string | null
  errorMessage: string | null
  progress: number
}

export type RunEnd =
  { status: 'running' } | { status: 'succeeded' } | { status: 'failed'; errorKind: string; message: string }

export interface TraceEntry {
  what: string
  outcome: CallOutcome | ReconcileOutcome
  decision: Decision
  /** State after the row update. */
  state: RunState
}

const NOW = new Date('2026-11-28T12:00:00Z')
const NO_LIMITS = { maxRunMs: Number.MAX_SAFE_INTEGER, maxLeaseExpiries: Number.MAX_SAFE_INTEGER }

/** A recorded answer as the client hands it to the tick: parsed data, or its typed error. */
function recordedExchange(ex: FixtureExchange, method: Exchange['method']): Exchange {
  if (!ex.response)
    return {
      method,
      ok: false,
      kind: 'timeout',
      message: ex.clientError ?? 'no response',
      envelopeStatus: null,
      raw: null,
    }
  const raw = { httpStatus: ex.response.httpStatus, body: ex.response.body, durationMs: 0 }
  try {
    return { method, ok: true, data: interpretResponse(method, ex.response.httpStatus, ex.response.body).data, raw }
  } catch (e) {
    if (!(e instanceof AkeebaError)) throw e
    return failedExchange(method, e)
  }
}

/**
 * One run, driven like the runner drives it, through the runner's own decision code. It refuses what
 * the runner would never do: feed a stepBackup answer when the tick planned no stepBackup, a
 * startBackup answer when it planned no start, a site record when it planned no reconcile, or anything
 * at all once the run has ended.
 */
export class Replay {
  row: ReplayRow
  end: RunEnd = { status: 'running' }
  trace: TraceEntry[] = []
  constructor(
    state: Partial<RunState> = {},
    readonly policy: RetryPolicy = POLICY,
    readonly rand: () => number = constRand(),
  ) {
    this.row = rowOf(freshRun(state))
  }

  get state(): RunState {
    return runStateOf(this.row)
  }

  /** Edits the run's state columns (constructed cases); status, counters and errors stay. */
  set state(s: RunState) {
    const { status, warningsCount, errorKind, errorMessage, progress } = this.row
    this.row = { ...rowOf(s), status, warningsCount, errorKind, errorMessage, progress }
  }

  get last(): TraceEntry {
    const t = this.trace.at(-1)
    if (!t) throw new Error('nothing replayed yet')
    return t
  }

  private plan(what: string, kinds: TickPlan['kind'][]): TickPlan {
    if (this.end.status !== 'running') throw new Error(`${what}: the run already ended (${this.end.status})`)
    const plan = decideTick(this.row, NOW, NO_LIMITS)
    if (!kinds.includes(plan.kind))
      throw new Error(`${what}: the runner would not send this in phase '${this.row.phase}' (it plans: ${plan.reason})`)
    // tick.ts persists the intent ('starting') before sending, so a crash never leads to a second start.
    if (plan.intent) this.row = { ...this.row, ...plan.intent }
    return plan
  }

  private settle(what: string, plan: TickPlan, ex: Exchange, outcome: CallOutcome | ReconcileOutcome): Decision {
    const decision = decideAfter(plan, ex, this.policy, this.rand)
    const { update } = applyDecision(this.row, decision, NOW, stepWriteOf(ex))
    this.row = { ...this.row, ...update }
    if (decision.type === 'succeeded') this.end = { status: 'succeeded' }
    if (decision.type === 'failed')
      this.end = { status: 'failed', errorKind: decision.errorKind, message: decision.message }
    this.trace.push({ what, outcome, decision, state: this.state })
    return decision
  }

  /** Feed one startBackup/stepBackup answer (recorded exchange or a constructed outcome). */
  call(input: FixtureExchange | CallOutcome): Decision {
    const outcome = 'request' in input ? callOutcome(input) : input
    const what = 'request' in input ? `${outcome.call} ${input.label ?? ''}` : `${outcome.call} (constructed)`
    const plan = this.plan(what, [outcome.call === 'startBackup' ? 'start' : 'step'])
    const ex: Exchange =
      'request' in input
        ? recordedExchange(input, outcome.call)
        : outcome.ok
          ? { method: outcome.call, ok: true, data: outcome.data, raw: null }
          : {
              method: outcome.call,
              ok: false,
              kind: outcome.kind,
              message: outcome.message,
              envelopeStatus: null,
              raw: null,
            }
    return this.settle(what, plan, ex, outcome)
  }

  /** Feed the site's answer about our record (recorded getBackupInfo/listBackups, or a constructed outcome). */
  reconcile(input: FixtureExchange | ReconcileOutcome): Decision {
    const what = 'request' in input ? `${input.request.method} ${input.label ?? ''}` : 'reconcile (constructed)'
    const plan = this.plan(what, ['reconcile'])
    if ('request' in input) {
      const method = input.request.method
      if (method !== 'getBackupInfo' && method !== 'listBackups') throw new Error(`not a reconcile call: ${method}`)
      return this.settle(what, plan, recordedExchange(input, method), reconcileOutcome(input, this.state))
    }
    // A constructed answer: a record (or none, as getBackupInfo's not_found says it), or a failure.
    const ex: Exchange = input.ok
      ? input.record
        ? { method: 'getBackupInfo', ok: true, data: input.record, raw: null }
        : {
            method: 'getBackupInfo',
            ok: false,
            kind: 'not_found',
            message: 'no such record',
            envelopeStatus: 404,
            raw: null,
          }
      : { method: 'listBackups', ok: false, kind: input.kind, message: input.message, envelopeStatus: null, raw: null }
    return this.settle(what, plan, ex, input)
  }

  /** Feed a whole recorded sequence of backup calls (throws, via the plan check, if one would not have been sent). */
  calls(seq: FixtureExchange[]): Decision[] {
    return seq.map((ex) => this.call(ex))
  }
}
