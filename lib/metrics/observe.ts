// The engine's observation hooks: called at its edges (tick.ts after each exchange, runner.ts when a
// claimed tick starts). They only count; nothing here feeds back into a decision, and they never throw.
import { logger } from '../log'
import { inProcessMetrics, PROCESS_RUNNER } from './registry'

/** What a hook needs of an exchange (lib/engine/decide-tick.ts Exchange fits it). */
export interface ObservedExchange {
  method: string
  ok: boolean
  kind?: string
  raw: { durationMs: number } | null
}

function safely(what: string, fn: () => void): void {
  try {
    fn()
  } catch (e) {
    logger().warn({ err: e }, `metrics: ${what} not recorded`)
  }
}

export function observeExchange(ex: ObservedExchange): void {
  safely('API call', () => {
    const m = inProcessMetrics()
    const labels = { runner: PROCESS_RUNNER, method: ex.method, outcome: ex.ok ? 'ok' : (ex.kind ?? 'error') }
    m.apiCalls.inc(labels)
    // A refused address is never sent, so it has no duration.
    if (ex.raw) m.stepDuration.observe(labels, ex.raw.durationMs / 1000)
  })
}

/** A claimed tick starts now; `dueAt` is the run's nextTickAt (null: due since it was promoted). */
export function observeSchedulerLag(dueAt: Date | null, now = Date.now()): void {
  if (!dueAt) return
  safely('scheduler lag', () =>
    inProcessMetrics().schedulerLag.observe({ runner: PROCESS_RUNNER }, Math.max(0, now - dueAt.getTime()) / 1000),
  )
}
