// The runner: promotes queued runs under the limits, claims due runs with a lease, and ticks many
// runs concurrently, each paced by the server's sleepTime. Any number of runners (the web process
// and `npm run worker` processes) may share one database; they coordinate only through it.
import os from 'node:os'
import { randomUUID } from 'node:crypto'
import {
  claimDue,
  promoteQueued,
  reclaimFromDeadRunners,
  releaseLease,
  releaseRunnerLeases,
  type Limits,
} from '../db/run-claims'
import { loadTickRow, TICK_SELECT, type TickRow } from '../db/run-ticks'
import { beat, closeBeatConnection, forgetRunner } from '../db/runner-heartbeats'
import { listenForWork, type WorkListener } from '../db/work-signal'
import { config } from '../config'
import { logger } from '../log'
import { observeSchedulerLag } from '../metrics/observe'
import type { RetryPolicy } from './machine'
import type { SiteApi } from './site-api'
import { ProcessStatsSampler } from './process-stats'
import { tick, tickFailed, logTickError, type TickDeps, type TickOutcome } from './tick'

export interface RunnerOptions {
  kind: 'web' | 'worker' | 'test'
  limits: Limits
  /** Runs this process drives at once (the global cap is in `limits`). */
  concurrency: number
  pollMs: number
  policy: RetryPolicy
  maxLeaseExpiries: number
  maxRunMs: number
  /** First wait after a tick threw (doubling each time); tests shorten it. */
  tickErrorFirstRetryMs?: number
  /** The site's API for a run; `site` (id and row version) lets it answer from a cache. */
  apiFor: (runId: string, site?: { id: string; version: number }) => Promise<SiteApi>
  /** Called after a run reached a terminal state (archive sync, notifications). */
  onFinished?: (runId: string, status: string) => Promise<void>
  /** Called once per loop iteration (schedules fire here). */
  onLoop?: () => Promise<void>
  /** How often this runner reports in and looks for dead runners' leases (default 2 s). */
  heartbeatMs?: number
  /** A runner silent this long is dead: its leases are taken back at once (default 10 s). */
  deadAfterMs?: number
}

export interface RunnerStatus {
  id: string
  kind: string
  running: boolean
  inflight: number
  ticks: number
  startedAt: string
}

export function defaultRunnerOptions(kind: RunnerOptions['kind'], apiFor: RunnerOptions['apiFor']): RunnerOptions {
  const c = config()
  return {
    kind,
    limits: { maxConcurrent: c.STEPWISE_MAX_CONCURRENT_RUNS, maxPerHost: c.STEPWISE_MAX_RUNS_PER_HOST },
    concurrency: c.STEPWISE_RUNNER_CONCURRENCY ?? c.STEPWISE_MAX_CONCURRENT_RUNS,
    pollMs: c.STEPWISE_POLL_MS,
    policy: {
      firstDelayMs: c.STEPWISE_RETRY_FIRST_DELAY_MS,
      maxRetries: c.STEPWISE_MAX_RETRIES,
      maxDelayMs: 5 * 60_000,
      maxReconciles: 5,
    },
    maxLeaseExpiries: c.STEPWISE_MAX_LEASE_EXPIRIES,
    maxRunMs: c.STEPWISE_MAX_RUN_HOURS * 3_600_000,
    apiFor,
  }
}

export class Runner {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  private stopped = true
  private loopDone: Promise<void> = Promise.resolve()
  private inflight = new Map<string, { promise: Promise<void>; abort: AbortController }>()
  private wakeUp: (() => void) | null = null
  private timers = new Set<NodeJS.Timeout>()
  private ticks = 0
  private beatTimer: NodeJS.Timeout | null = null
  private beating: Promise<void> = Promise.resolve()
  private reclaiming: Promise<void> | null = null
  private wakePending = false
  private promotePending = true
  private lastPromote = 0
  private lastOnLoop = 0
  private listener: WorkListener | null = null
  private readonly startedAt = new Date()
  private readonly stats = new ProcessStatsSampler()

  constructor(private readonly opts: RunnerOptions) {}

  status(): RunnerStatus {
    return {
      id: this.id,
      kind: this.opts.kind,
      running: !this.stopped,
      inflight: this.inflight.size,
      ticks: this.ticks,
      startedAt: this.startedAt.toISOString(),
    }
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.stats.start()
    // Report in before the first claim, then on a timer of its own: a slow loop iteration (schedules,
    // deliveries) never makes a live runner look dead.
    this.beating = this.heartbeat()
    this.loopDone = this.beating.then(() => this.loop())
    this.beatTimer = setInterval(() => {
      this.beating = this.beating.then(() => this.heartbeat())
    }, this.opts.heartbeatMs ?? 2_000)
    this.beatTimer.unref()
    // Other processes' new work wakes this runner at once (PostgreSQL LISTEN; nothing on SQLite).
    this.listener = listenForWork(
      () => this.wake(),
      (e) => logger().warn({ err: e, runner: this.id }, 'work signal connection failed; polling meanwhile'),
    )
    logger().info({ runner: this.id, kind: this.opts.kind, limits: this.opts.limits }, 'runner started')
  }

  /** Stops claiming, lets in-flight ticks finish (their HTTP calls are aborted after `graceMs`). */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    if (this.beatTimer) clearInterval(this.beatTimer)
    this.beatTimer = null
    await this.listener?.close()
    this.listener = null
    this.wake()
    for (const t of this.timers) clearTimeout(t)
    await this.loopDone
    await this.beating
    await this.reclaiming
    const all = Promise.all([...this.inflight.values()].map((i) => i.promise))
    const timer = setTimeout(() => {
      for (const i of this.inflight.values()) i.abort.abort()
    }, graceMs)
    await all
    clearTimeout(timer)
    // Hand back anything still leased to this runner (normally nothing: every tick ended with a
    // commit or a release), so the next runner need not wait for a lease to expire.
    await releaseRunnerLeases(this.id).catch((e) => logger().warn({ err: e, runner: this.id }, 'lease release failed'))
    await forgetRunner(this.id).catch(() => undefined)
    // Another runner of this process (tests) opens it again at its next beat.
    await closeBeatConnection()
    this.stats.stop()
  }

  /**
   * Look for work now. `promote` also re-checks queued runs (new work, a finished run freeing a
   * slot); a run whose next step is due only needs the claim. A wake that arrives while the loop is
   * busy is remembered, not lost.
   */
  wake(promote = true): void {
    if (promote) this.promotePending = true
    this.wakePending = true
    const w = this.wakeUp
    this.wakeUp = null
    w?.()
  }

  /**
   * Reports in, then looks for runners that stopped reporting (never throws). The look runs beside
   * the heartbeats, not in their line: on a busy database it may take a while, and the next beat
   * must not wait for it.
   */
  private async heartbeat(): Promise<void> {
    const now = Date.now()
    try {
      await beat(
        { id: this.id, kind: this.opts.kind, pid: process.pid, host: os.hostname(), startedAt: this.startedAt },
        new Date(now),
        this.stats.read({ ticks: this.ticks, inflight: this.inflight.size }),
      )
    } catch (e) {
      logger().error({ err: e, runner: this.id }, 'heartbeat failed')
    }
    if (this.reclaiming || this.stopped) return
    this.reclaiming = this.reclaim(now).finally(() => {
      this.reclaiming = null
    })
  }

  /** Takes back the leases of runners silent since before `now` − deadAfterMs (never throws). */
  private async reclaim(now: number): Promise<void> {
    try {
      const freed = await reclaimFromDeadRunners(new Date(now - (this.opts.deadAfterMs ?? 10_000)))
      if (freed.runs > 0) {
        logger().warn({ runner: this.id, dead: freed.runners, runs: freed.runs }, 'took back leases of dead runners')
        this.wake(false)
      }
    } catch (e) {
      logger().error({ err: e, runner: this.id }, 'looking for dead runners failed')
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        let now = Date.now()
        // Schedules and alerts at the poll's pace: a wake-up for new work goes straight to the claim.
        if (this.opts.onLoop && now - this.lastOnLoop >= this.opts.pollMs) {
          this.lastOnLoop = now
          await this.opts.onLoop()
          now = Date.now()
        }
        if (this.promotePending || now - this.lastPromote >= this.opts.pollMs) {
          this.promotePending = false
          this.lastPromote = now
          await promoteQueued(this.opts.limits)
        }
        const free = Math.min(this.opts.concurrency, this.opts.limits.maxConcurrent) - this.inflight.size
        // nextTickAt is read for the scheduler-lag metric only (lib/metrics); the tick does not use it.
        const claims = await claimDue(this.id, free, { ...TICK_SELECT, nextTickAt: true })
        for (const c of claims) {
          observeSchedulerLag(c.row.nextTickAt) // metrics only (lib/metrics): decides nothing
          this.spawn(c.runId, c.token, c.row)
        }
      } catch (e) {
        logger().error({ err: e, runner: this.id }, 'runner loop failed; retrying')
      }
      if (this.stopped) break
      if (this.wakePending) {
        this.wakePending = false
        await new Promise<void>((resolve) => setImmediate(resolve))
        continue
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.timers.delete(t)
          this.wakeUp = null
          resolve()
        }, this.opts.pollMs)
        this.timers.add(t)
        this.wakeUp = () => {
          clearTimeout(t)
          this.timers.delete(t)
          resolve()
        }
      })
    }
  }

  private spawn(runId: string, token: string, row: TickRow): void {
    const abort = new AbortController()
    const promise = (async () => {
      let result: TickOutcome | null = null
      let last = row
      try {
        const api = await this.opts.apiFor(runId, { id: row.siteId, version: row.site.updatedAt.getTime() })
        const deps: TickDeps = {
          api,
          policy: this.opts.policy,
          now: () => new Date(),
          rand: Math.random,
          maxLeaseExpiries: this.opts.maxLeaseExpiries,
          maxRunMs: this.opts.maxRunMs,
          signal: abort.signal,
          chainLeaseMs: config().leaseMs,
        }
        result = await tick(runId, token, deps, row)
        this.ticks++
        // Next step due at once (sleepTime 0, the usual case): keep the lease and go straight on,
        // with the row as the last tick left it, cancel flags included (its commit read them back:
        // a cancel request is seen here), not claiming it again.
        while (result.kind === 'continued' && result.leaseKept && !this.stopped) {
          const next = result.row ?? (await loadTickRow(runId))
          if (!next) break
          last = next
          result = await tick(runId, token, deps, next)
          this.ticks++
        }
        if (result.kind === 'continued' && result.leaseKept) await releaseLease(runId, token)
      } catch (e) {
        logTickError(runId, e)
        // A site that cannot be called fails its run now; anything else is retried with back-off,
        // then fails: a run never spins (lib/engine/decide-tick.ts decideTickFailure).
        result = await tickFailed(last, token, e, {
          maxRunMs: this.opts.maxRunMs,
          firstRetryMs: this.opts.tickErrorFirstRetryMs,
        }).catch(async (e2: unknown) => {
          logTickError(runId, e2)
          await releaseLease(runId, token, new Date(Date.now() + 5_000)).catch(() => undefined)
          return null
        })
      }
      if (result?.kind === 'finished') {
        logger().info({ runId, status: result.status, runner: this.id }, 'run finished')
        // Still counted in flight, so stop() waits for the archive sync too.
        if (this.opts.onFinished)
          await this.opts
            .onFinished(runId, result.status)
            .catch((e) => logger().warn({ err: e, runId }, 'after-run work failed'))
      }
      this.inflight.delete(runId)
      if (this.stopped) return
      if (result?.kind === 'continued') {
        const delay = result.nextTickAt.getTime() - Date.now()
        if (delay <= 0) this.wake(false)
        else {
          const t = setTimeout(() => {
            this.timers.delete(t)
            this.wake(false)
          }, delay)
          this.timers.add(t)
        }
      } else {
        // A finished run frees a slot and may unblock a queued run of the same site.
        this.wake()
      }
    })()
    this.inflight.set(runId, { promise, abort })
  }
}
