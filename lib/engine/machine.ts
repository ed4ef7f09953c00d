// The step engine's decisions after a call, as a pure state machine: the run's state and one parsed
// outcome in, one decision out. What a tick does first is decided in decide-tick.ts; HTTP, clock and
// database live in tick.ts. Every rule cites the real-server fact (DESIGN.md "Facts from the real
// server") that forces it.
import { RETRYABLE_KINDS, type AkeebaErrorKind, type BackupRecord, type StepData } from '../akeeba/types'

/**
 * What the next tick of a running run does.
 * start: send startBackup. starting: startBackup may have been sent (we persist this before sending),
 * so a runner that finds a run here after a crash must reconcile, never re-send (fact 3).
 * step: send stepBackup. reconcile: ask the site about our record (getBackupInfo / listBackups).
 */
export type RunPhase = 'start' | 'starting' | 'step' | 'reconcile'

/** Why we are asking the site; decides how its answer is read. */
export type ReconcileReason =
  | 'verify' // the site said finished: confirm the archive really exists before saying "succeeded"
  | 'start_lost' // startBackup's response never arrived
  | 'start_crashed' // our runner died around startBackup: it may never have been sent
  | 'zombie' // a fresh state instead of ours (fact 4)
  | 'backupid_changed' // someone else's backup answered (fact 4)
  | 'step_regressed' // stepNumber went backwards or repeated before the end (fact 4)
  | 'step_error' // status 500 on stepBackup: a real failure, or a finished backup's state is gone (fact 11)
  | 'resume' // a runner died mid-step (its lease expired): the lost step may have been the last one

export type EngineErrorKind =
  | AkeebaErrorKind
  | 'zombie'
  | 'backupid_changed'
  | 'step_regressed'
  | 'not_created'
  | 'unverified'
  | 'timed_out'
  // The run could not be driven at all: the site has no endpoint or its key cannot be decrypted
  // (site_unusable), or ticks kept throwing (tick_errors). See decideTickFailure.
  | 'site_unusable'
  | 'tick_errors'

export interface RunState {
  phase: RunPhase
  remoteBackupId: string | null
  remoteRecordId: number | null
  lastStepNumber: number | null
  archiveName: string | null
  retryCount: number
  reconcileCount: number
  /** Marker we put in startBackup's comment so we can find our record (e.g. "stepwise-run:<id>"). */
  marker: string
  /** Set while phase is reconcile. */
  reconcileReason?: ReconcileReason | null
  /** The failure that sent us to reconcile, reported if the site cannot prove success. */
  pendingError?: { kind: EngineErrorKind; message: string } | null
}

export interface RetryPolicy {
  /** First re-send waits out the server's step time (fact 10); Akeeba's own back-end waits 10 s. */
  firstDelayMs: number
  maxRetries: number
  maxDelayMs: number
  /** How many times a reconcile may be repeated (site not answering, record still settling). */
  maxReconciles: number
}

export type CallOutcome =
  | { call: 'startBackup' | 'stepBackup'; ok: true; data: StepData }
  | { call: 'startBackup' | 'stepBackup'; ok: false; kind: AkeebaErrorKind; message: string }

export type ReconcileOutcome =
  { ok: true; record: BackupRecord | null } | { ok: false; kind: AkeebaErrorKind; message: string }

/** Fields of the run that a decision changes (besides status). */
export interface RunPatch {
  phase?: RunPhase
  remoteBackupId?: string
  remoteRecordId?: number
  lastStepNumber?: number
  archiveName?: string
  domain?: string
  step?: string
  substep?: string
  progress?: number
  retryCount?: number
  reconcileCount?: number
  reconcileReason?: ReconcileReason | null
  pendingError?: { kind: EngineErrorKind; message: string } | null
}

export type Decision =
  | { type: 'continue'; delayMs: number; patch: RunPatch }
  | { type: 'succeeded'; patch: RunPatch }
  | { type: 'failed'; errorKind: EngineErrorKind; message: string; patch: RunPatch }
  | { type: 'cancelled'; message: string; patch: RunPatch }
  | { type: 'timed_out'; message: string; patch: RunPatch }

export function backoffMs(policy: RetryPolicy, attempt: number, rand: () => number): number {
  const base = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** attempt)
  // ±20 % jitter so many sites behind one failing proxy don't retry in lockstep; never above the
  // policy's maximum (jitter included), and never below the first delay, which is the server's step
  // time (fact 10) — that floor wins if a policy sets it above the maximum.
  const jittered = Math.round(base * (0.8 + 0.4 * rand()))
  return Math.max(policy.firstDelayMs, Math.min(policy.maxDelayMs, jittered))
}

function progressPatch(d: StepData): RunPatch {
  return { domain: d.domain, step: d.step, substep: d.substep, progress: Math.max(0, Math.min(100, d.progress)) }
}

function toReconcile(
  run: RunState,
  reason: ReconcileReason,
  pendingError: RunState['pendingError'],
  delayMs: number,
  extra: RunPatch = {},
): Decision {
  return {
    type: 'continue',
    delayMs,
    patch: {
      ...extra,
      phase: 'reconcile',
      reconcileReason: reason,
      pendingError,
      retryCount: 0,
      reconcileCount: run.reconcileCount,
    },
  }
}

// The client's auth error already carries Akeeba's list of causes and what to do (envelope-errors.ts).
function failFromError(kind: AkeebaErrorKind, message: string): Decision {
  return { type: 'failed', errorKind: kind, message, patch: {} }
}

/** After a startBackup or stepBackup call. */
export function decideAfterCall(
  run: RunState,
  outcome: CallOutcome,
  policy: RetryPolicy,
  rand: () => number = Math.random,
): Decision {
  if (!outcome.ok) return decideAfterError(run, outcome, policy, rand)
  // An error inside a 200 (fact 2) never gets here: interpretResponse turns it into a backup_error.
  const d = outcome.data

  if (outcome.call === 'startBackup') {
    if (!d.backupid)
      return {
        type: 'failed',
        errorKind: 'protocol',
        message:
          "startBackup answered without a backupid; the site's Akeeba Backup is too old for remote backups (API level 340 or later is needed).",
        patch: {},
      }
    const patch: RunPatch = {
      ...progressPatch(d),
      phase: 'step',
      remoteBackupId: d.backupid,
      lastStepNumber: d.stepNumber,
      retryCount: 0,
      ...(d.recordId !== null ? { remoteRecordId: d.recordId } : {}),
      ...(d.archive ? { archiveName: d.archive } : {}),
    }
    // In principle a backup can finish inside startBackup (protocol §4): verify like any finish.
    if (!d.hasRun) return toReconcile(run, 'verify', null, 0, patch)
    return { type: 'continue', delayMs: Math.max(0, d.sleepTime), patch }
  }

  // stepBackup. A fresh state (backupid "", stepNumber 1) means the server lost or finished our backup
  // and the next call would start a stranger's one (fact 4, wp fixture 06/08): stop and ask.
  if (d.backupid === '') {
    return toReconcile(
      run,
      'zombie',
      {
        kind: 'zombie',
        message:
          'The site answered with a fresh backup state instead of continuing this backup (its saved state is gone: the backup was finished, killed by another backup start, or reset). Stepwise stopped so as not to drive an unrelated backup.',
      },
      0,
    )
  }
  if (run.remoteBackupId && d.backupid !== run.remoteBackupId) {
    return toReconcile(
      run,
      'backupid_changed',
      {
        kind: 'backupid_changed',
        message: `The site answered for backup ${d.backupid} instead of ${run.remoteBackupId}: the backup was restarted on the server. Stepwise stopped so as not to drive someone else's backup.`,
      },
      0,
    )
  }
  const last = run.lastStepNumber
  // The final `finished` answer legally repeats the previous number (wp fixture 01: 11 at postrun,
  // 11 again at finished); jumps > 1 are normal (fact 10). Anything else going backwards is not ours.
  const finished = !d.hasRun
  if (last !== null && (d.stepNumber < last || (d.stepNumber === last && !finished))) {
    return toReconcile(
      run,
      'step_regressed',
      {
        kind: 'step_regressed',
        message: `The site's step counter went from ${last} to ${d.stepNumber}: this is not the backup Stepwise was driving. Stepwise stopped.`,
      },
      0,
    )
  }
  const patch: RunPatch = {
    ...progressPatch(d),
    lastStepNumber: d.stepNumber,
    retryCount: 0,
    ...(d.recordId !== null && run.remoteRecordId === null ? { remoteRecordId: d.recordId } : {}),
    ...(d.archive && !run.archiveName ? { archiveName: d.archive } : {}),
  }
  // The final response has BackupID null (fact 7): keep the one from startBackup, then verify.
  if (finished) return toReconcile(run, 'verify', null, 0, patch)
  return { type: 'continue', delayMs: Math.max(0, d.sleepTime), patch }
}

function decideAfterError(
  run: RunState,
  o: Extract<CallOutcome, { ok: false }>,
  policy: RetryPolicy,
  rand: () => number,
): Decision {
  if (o.kind === 'auth') return failFromError('auth', o.message)
  if (o.call === 'startBackup') {
    // Lost answer: the backup may exist. Re-sending would kill it (fact 3), so ask the site first,
    // after the server's step time so a start still in progress has created its record.
    if (RETRYABLE_KINDS.includes(o.kind)) {
      return toReconcile(
        run,
        'start_lost',
        { kind: o.kind, message: `startBackup got no usable answer: ${o.message}` },
        policy.firstDelayMs,
      )
    }
    return failFromError(o.kind, o.message)
  }
  if (RETRYABLE_KINDS.includes(o.kind)) {
    // A lost step is not a lost step (fact 10): re-send the same stepBackup, after the step time.
    if (run.retryCount < policy.maxRetries) {
      return {
        type: 'continue',
        delayMs: backoffMs(policy, run.retryCount, rand),
        patch: { retryCount: run.retryCount + 1 },
      }
    }
    return {
      type: 'failed',
      errorKind: o.kind,
      message: `The site stopped answering (${run.retryCount + 1} attempts): ${o.message}`,
      patch: {},
    }
  }
  if (o.kind === 'backup_error') {
    // Status 500 is a real failure — or, after a crash around the last step, a finished backup
    // whose state is gone (joomla fixture 04/08). The record tells which.
    return toReconcile(run, 'step_error', { kind: 'backup_error', message: o.message }, 0)
  }
  return failFromError(o.kind, o.message)
}

const STATUS_WORDS: Record<string, string> = { run: 'still running', fail: 'failed', complete: 'complete' }

/** After asking the site about our record (getBackupInfo by id, or listBackups searched by marker). */
export function decideAfterReconcile(
  run: RunState,
  outcome: ReconcileOutcome,
  policy: RetryPolicy,
  rand: () => number = Math.random,
): Decision {
  const reason = run.reconcileReason ?? 'verify'
  const pending = run.pendingError ?? null
  if (!outcome.ok) {
    if (outcome.kind === 'auth') return failFromError('auth', outcome.message)
    if (run.reconcileCount < policy.maxReconciles) {
      return {
        type: 'continue',
        delayMs: backoffMs(policy, run.reconcileCount, rand),
        patch: { reconcileCount: run.reconcileCount + 1 },
      }
    }
    const kind = pending?.kind ?? outcome.kind
    return {
      type: 'failed',
      errorKind: kind,
      message: `${pending ? pending.message + ' ' : ''}Stepwise could not confirm the outcome with the site: ${outcome.message}`,
      patch: {},
    }
  }
  const rec = outcome.record
  if (rec && rec.status === 'complete') {
    return {
      type: 'succeeded',
      patch: {
        remoteRecordId: rec.id,
        ...(rec.archivename ? { archiveName: rec.archivename } : {}),
        progress: 100,
        phase: 'reconcile',
        reconcileReason: null,
        pendingError: null,
      },
    }
  }
  if (reason === 'start_lost' || reason === 'start_crashed') {
    if (rec && rec.status === 'run' && rec.backupid) {
      // Provably ours: our marker is in the record's comment and it carries its backupid.
      return {
        type: 'continue',
        delayMs: 0,
        patch: {
          phase: 'step',
          remoteBackupId: rec.backupid,
          remoteRecordId: rec.id,
          archiveName: rec.archivename || undefined,
          reconcileReason: null,
          pendingError: null,
          retryCount: 0,
        },
      }
    }
    if (!rec) {
      // Nothing of ours exists on the site, so a new startBackup kills nothing of ours. Once after a
      // lost answer (a site that keeps losing them should not be started again and again); after our
      // own crashes, as often as the reconcile limit allows — each crash is ours, not the site's.
      const allowed = reason === 'start_crashed' ? policy.maxReconciles : 1
      if (run.reconcileCount < allowed)
        return {
          type: 'continue',
          delayMs: 0,
          patch: { phase: 'start', reconcileCount: run.reconcileCount + 1, reconcileReason: null, pendingError: null },
        }
      return {
        type: 'failed',
        errorKind: pending?.kind ?? 'not_created',
        message: `${pending?.message ?? 'The backup could not be started.'} The site has no record of it.`,
        patch: {},
      }
    }
  }
  if (reason === 'resume' && rec && rec.status === 'run') {
    // Still running on the site and provably ours (found by our record id): carry on stepping.
    return {
      type: 'continue',
      delayMs: 0,
      patch: { phase: 'step', reconcileReason: null, pendingError: null, retryCount: 0 },
    }
  }
  if (reason === 'verify' && rec && rec.status === 'run' && run.reconcileCount < policy.maxReconciles) {
    // The last answer said finished; the record may lag a moment behind (post-processing).
    return {
      type: 'continue',
      delayMs: backoffMs(policy, run.reconcileCount, rand),
      patch: { reconcileCount: run.reconcileCount + 1 },
    }
  }
  const where = !rec
    ? 'The site has no record of this backup.'
    : rec.status === 'run' && pending
      ? // Fact 8: a failed backup's record stays "run" until the next startBackup cleans it up.
        `The site still lists record #${rec.id} as running; Akeeba keeps a failed backup's record that way until the next backup starts. It cannot be resumed: start a new backup.`
      : `The site's record #${rec.id} is ${STATUS_WORDS[rec.status] ?? rec.status}.`
  if (pending) return { type: 'failed', errorKind: pending.kind, message: `${pending.message} ${where}`, patch: {} }
  return {
    type: 'failed',
    errorKind: 'unverified',
    message: `The site said the backup finished, but Stepwise could not confirm the archive. ${where}`,
    patch: {},
  }
}

/** Which record is ours in a listBackups page: the marker in comment/description, or our backupid. */
export function findOurRecord(
  records: BackupRecord[],
  run: Pick<RunState, 'marker' | 'remoteBackupId' | 'remoteRecordId'>,
): BackupRecord | null {
  return (
    records.find(
      (r) =>
        (run.remoteRecordId !== null && r.id === run.remoteRecordId) ||
        (run.remoteBackupId && r.backupid === run.remoteBackupId) ||
        r.comment.includes(run.marker) ||
        r.description.includes(run.marker),
    ) ?? null
  )
}
