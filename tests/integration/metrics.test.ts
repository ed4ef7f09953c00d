// GET /api/metrics after a real successful and a real failing backup (fake sites over HTTP, the real
// runner in this process): the Prometheus text format, stepwise_ names, fleet counts from the
// database and this process's engine series.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET } from '@/app/api/metrics/route'
import { bearerFor } from './helpers/auth'
import { startHarness, type Harness } from './helpers/engine-harness'
import { beat } from '@/lib/db/runner-heartbeats'
import { ProcessStatsSampler } from '@/lib/engine/process-stats'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  h.startRunner()
})
afterAll(async () => {
  await h.close()
})

function scrape(headers: Record<string, string> = {}): Promise<Response> {
  return GET(new Request('http://127.0.0.1:3000/api/metrics', { headers }), { params: Promise.resolve({}) })
}

/** The value of one sample line, e.g. `stepwise_runs{status="failed",trigger="api"}`, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line)
    if (!m || m[1] !== name) continue
    const have = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]))
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[4])
  }
  return undefined
}

function sum(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue
    const v = sample(line, name, labels)
    if (v !== undefined) total += v
  }
  return total
}

describe(`GET /api/metrics on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('without a token: 401', async () => {
    expect((await scrape()).status).toBe(401)
  })

  it('with a viewer token: every stepwise_ series after a good and a failing backup', async () => {
    const okSite = await h.addSite({ id: 'metrics-ok' })
    const badSite = await h.addSite({
      id: 'metrics-fail',
      scenario: { failAtStep: { step: 3, text: 'Disk quota exceeded' } },
    })
    const ok = await h.waitFor((await h.backup(okSite)).id)
    const bad = await h.waitFor((await h.backup(badSite)).id)
    expect(ok.status).toBe('succeeded')
    expect(bad.status).toBe('failed')

    const res = await scrape({ authorization: await bearerFor('viewer') })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await res.text()

    const names = new Set(
      text
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(l)![0]),
    )
    expect(names.size).toBeGreaterThan(10)
    for (const n of names) expect(n, n).toMatch(/^stepwise_/)
    for (const l of text.split('\n').filter((x) => /^# (HELP|TYPE) /.test(x)))
      expect(l.split(' ')[2]).toMatch(/^stepwise_/)

    // Fleet-wide, from the database.
    expect(sample(text, 'stepwise_runs', { status: 'succeeded', trigger: 'api' })).toBe(1)
    expect(sample(text, 'stepwise_runs', { status: 'failed', trigger: 'api' })).toBe(1)
    expect(sample(text, 'stepwise_queue_depth', { state: 'queued' })).toBe(0)
    expect(sum(text, 'stepwise_sites')).toBe(2)
    expect(sample(text, 'stepwise_sites', { state: 'failed' })).toBe(1)
    expect(sample(text, 'stepwise_sites_total')).toBe(2)
    // Stale by the digest's rule: the failing site was added just now, so it is within its max age.
    expect(sample(text, 'stepwise_sites_stale')).toBe(0)
    expect(sample(text, 'stepwise_notify_deliveries', { status: 'pending' })).toBeGreaterThanOrEqual(0)
    expect(text).toMatch(/^stepwise_runner_active_runs\{runner="[^"]+"\} \d+$/m)

    // This process's runner.
    expect(sample(text, 'stepwise_api_calls_total', { method: 'startBackup', outcome: 'ok' })).toBe(2)
    expect(sample(text, 'stepwise_api_calls_total', { method: 'stepBackup', outcome: 'ok' })).toBeGreaterThan(2)
    expect(sample(text, 'stepwise_api_calls_total', { method: 'stepBackup', outcome: 'backup_error' })).toBe(1)
    expect(sum(text, 'stepwise_step_duration_seconds_count', { method: 'stepBackup' })).toBeGreaterThan(3)
    expect(sum(text, 'stepwise_scheduler_lag_seconds_count')).toBeGreaterThan(0)
    // Process metrics carry the runner label.
    expect(text).toMatch(/^stepwise_process_resident_memory_bytes\{runner="[^"]+"\} \d+/m)
    // Every runner's own process figures, from its heartbeat (this process's runner reported at start).
    expect(text).toMatch(/^stepwise_runner_resident_memory_bytes\{runner="[^"]+",kind="[^"]+"\} [1-9]\d+$/m)
    expect(text).toMatch(/^stepwise_runner_cpu_seconds\{runner="[^"]+",kind="[^"]+"\} [0-9.e-]+$/m)
  })

  it("shows a worker process's memory, CPU, event-loop delay and ticks from its heartbeat", async () => {
    // What a `npm run worker` process sends with each heartbeat (it serves no HTTP to be scraped).
    const sampler = new ProcessStatsSampler()
    sampler.start()
    // A busy event loop: 60 ms of synchronous work between two timer runs.
    await new Promise((r) => setTimeout(r, 50))
    const until = Date.now() + 60
    while (Date.now() < until);
    await new Promise((r) => setTimeout(r, 50))
    const stats = sampler.read({ ticks: 1234, inflight: 7 })
    sampler.stop()
    await beat(
      { id: 'worker-host:4242:abcd1234', kind: 'worker', pid: 4242, host: 'worker-host', startedAt: new Date() },
      new Date(),
      stats,
    )
    const text = await (await scrape({ authorization: await bearerFor('viewer') })).text()
    const w = { runner: 'worker-host:4242', kind: 'worker' }
    expect(sample(text, 'stepwise_runner_resident_memory_bytes', w)).toBe(stats.rssBytes)
    expect(sample(text, 'stepwise_runner_heap_used_bytes', w)).toBe(stats.heapUsedBytes)
    expect(sample(text, 'stepwise_runner_cpu_seconds', w)).toBeCloseTo(stats.cpuSeconds, 6)
    expect(sample(text, 'stepwise_runner_event_loop_delay_max_seconds', w)).toBeGreaterThan(0.03)
    expect(sample(text, 'stepwise_runner_event_loop_delay_p99_seconds', w)).toBe(stats.eventLoopDelayP99Seconds)
    expect(sample(text, 'stepwise_runner_ticks', w)).toBe(1234)
    expect(sample(text, 'stepwise_runner_inflight_runs', w)).toBe(7)
    expect(sample(text, 'stepwise_runner_last_seen_seconds', w)).toBeLessThan(30)
  })
})
