// One tick of one run, as I/O only: load → decide → call → decide → commit. Exactly one API call,
// then its result persisted (a step row and the run's new state, fenced by the lease) before anything
// else happens. Every decision is in decide-tick.ts and machine.ts; the row update in apply-decision.ts.
import {
  commitTick,
  commitTickFlags,
  loadTickRow,
  recordTickError,
  rowAfterCommits,
  type TickRow,
} from '../db/run-ticks'
import { logger } from '../log'
import { observeExchange } from '../metrics/observe'
import { isRefusedAddress } from '../net-guard'
import { applyDecision, stepWriteOf, type TickResult } from './apply-decision'
import {
  decideAfter,
  decideTick,
  decideTickFailure,
  failedExchange,
  type Exchange,
  type SiteCall,
  type TickLimits,
} from './decide-tick'
import type { RetryPolicy } from './machine'
import { runEventOf } from './run-event'
import { callSite, type SiteApi } from './site-api'
import { SiteUnusableError } from './site-client'

export type { TickResult } from './apply-decision'
export type { TickRow } from '../db/run-ticks'

export interface TickDeps extends TickLimits {
  api: SiteApi
  policy: RetryPolicy
  now: () => Date
  rand: () => number
  signal?: AbortSignal
  /** When set and the next tick is due at once, keep the lease until then (the runner chains ticks). */
  chainLeaseMs?: number
}

async function exchange(api: SiteApi, call: SiteCall, signal?: AbortSignal): Promise<Exchange> {
  try {
    const r = await callSite(api, call, signal)
    return { method: call.method, ok: true, data: r.data, raw: r.raw }
  } catch (e) {
    // A refused address will not change by retrying: the run fails at once with the guard's reason.
    if (e instanceof Error && isRefusedAddress(e.cause))
      return { ...failedExchange(call.method, e), kind: 'refused_address' }
    // The client promises typed errors only; anything else fails this run, never the runner.
    return failedExchange(call.method, e)
  }
}

/** A tick's result; with the lease kept, also the run's row as this tick left it (no re-read needed). */
export type TickOutcome = TickResult & { row?: TickRow }

export async function tick(runId: string, token: string, deps: TickDeps, preloaded?: TickRow): Promise<TickOutcome> {
  const run = preloaded ?? (await loadTickRow(runId))
  if (!run || run.status !== 'running' || run.leaseOwner !== token) return { kind: 'lease_lost' }
  const plan = decideTick(run, deps.now(), deps)
  if (plan.intent && !(await commitTick(run.id, token, run.stepSeq, plan.intent, null, true)))
    return { kind: 'lease_lost' }
  const ex = plan.call ? await exchange(deps.api, plan.call, deps.signal) : null
  if (ex) observeExchange(ex) // metrics only (lib/metrics): counts the call, decides nothing
  const decision = decideAfter(plan, ex, deps.policy, deps.rand)
  const step = ex ? stepWriteOf(ex) : null
  const done = deps.now()
  const { update, result } = applyDecision(run, decision, done, step)
  const chain =
    result.kind === 'continued' &&
    deps.chainLeaseMs !== undefined &&
    decision.type === 'continue' &&
    decision.delayMs === 0
  const flags = await commitTickFlags(
    run.id,
    token,
    run.stepSeq,
    update,
    step,
    chain ? new Date(done.getTime() + deps.chainLeaseMs!) : false,
    runEventOf(run, update),
  )
  if (!flags) return { kind: 'lease_lost' }
  if (result.kind !== 'continued') return result
  // Chained: the next tick starts from this row, with the cancel flags the commit itself read back.
  return chain
    ? {
        ...result,
        leaseKept: true,
        row: { ...rowAfterCommits(run, [plan.intent ?? null, update], step !== null), ...flags },
      }
    : { ...result, leaseKept: false }
}

/** After a tick threw (`e`): fail the run, end it as timed out, or retry later (decideTickFailure). */
export async function tickFailed(
  run: TickRow,
  token: string,
  e: unknown,
  limits: Pick<TickLimits, 'maxRunMs'> & { firstRetryMs?: number },
  now = new Date(),
): Promise<TickResult> {
  const message = e instanceof Error ? e.message : String(e)
  const d = decideTickFailure(
    run,
    { permanent: e instanceof SiteUnusableError, message },
    now,
    limits,
    limits.firstRetryMs,
  )
  if (d.kind === 'retry') {
    return (await recordTickError(run.id, token, d.at))
      ? { kind: 'continued', nextTickAt: d.at, leaseKept: false }
      : { kind: 'lease_lost' }
  }
  const decision =
    d.kind === 'fail'
      ? ({ type: 'failed', errorKind: d.errorKind, message: d.message, patch: {} } as const)
      : ({ type: 'timed_out', message: d.message, patch: {} } as const)
  const { update, result } = applyDecision(run, decision, now, null)
  return (await commitTick(run.id, token, run.stepSeq, update, null, false, runEventOf(run, update)))
    ? result
    : { kind: 'lease_lost' }
}

export function logTickError(runId: string, e: unknown): void {
  logger().error({ runId, err: e }, 'tick failed')
}
