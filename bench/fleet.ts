// N concurrent fake sites driven by W worker processes: scheduler lag (a step due → its request
// sent) p50/p99 from the stored steps, steps per second, each worker's peak RSS. The fake fleet is
// served by several processes so that it is not the bottleneck.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { freshBenchDatabase, peakRss, pct, pgAvailable, record, root, sleep, workerNodeFlags } from './common'

const SITES_PER_FAKE_PROCESS = 1000

async function startFakeProcess(
  prefix: string,
  count: number,
  latency: number,
): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/fake-fleet-child.ts'), prefix, String(count), String(latency)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (c) => reject(new Error(`fake fleet process exited ${c}`)))
  })
  return { child, baseUrl: (JSON.parse(line) as { baseUrl: string }).baseUrl }
}

export async function fleetBench(
  n: number,
  kind: 'sqlite' | 'postgresql',
  workers: number,
  latency: number,
): Promise<void> {
  const label = `${n} sites, ${workers} worker${workers > 1 ? 's' : ''}, ${kind}`
  if (kind === 'postgresql' && !(await pgAvailable())) {
    record({ name: `scheduler lag p99, ${label}`, figure: 'n/a', target: '≤ 100 ms', ok: null, note: 'no PostgreSQL' })
    return
  }
  const fakes: { child: ChildProcess; baseUrl: string; prefix: string; count: number }[] = []
  for (let i = 0; i * SITES_PER_FAKE_PROCESS < n; i++) {
    const count = Math.min(SITES_PER_FAKE_PROCESS, n - i * SITES_PER_FAKE_PROCESS)
    const prefix = `p${i}s`
    fakes.push({ ...(await startFakeProcess(prefix, count, latency)), prefix, count })
  }
  const b = await freshBenchDatabase(kind)
  const { insertSite } = await import('../lib/db/sites')
  const { createRun } = await import('../lib/db/runs')
  const { countRuns, backupStepTimings } = await import('../lib/db/run-stats')
  const { ACTIVE_RUN_STATUSES } = await import('../lib/domain/run-status')
  const { encryptSiteKey } = await import('../lib/secrets/site-key-cipher')
  const cipher = encryptSiteKey('BenchKey123')
  const children: ChildProcess[] = []
  try {
    const t = Date.now()
    for (const f of fakes) {
      for (let i = 0; i < f.count; i++) {
        const id = `${f.prefix}${i}`
        const url = `${f.baseUrl}/s/${id}/`
        const siteId = await insertSite(
          { name: id, baseUrl: url, keyCiphertext: cipher, hostGroup: null, hostKey: 'host:127.0.0.1', tags: [] },
          {
            endpointUrl: `${url}wp-admin/admin-ajax.php?action=akeebabackup_api`,
            platform: 'wordpress',
            apiLevel: 400,
            akeebaVersion: '9.1.1',
            edition: 'pro',
            connectionStatus: 'ok',
            connectionError: null,
            profiles: [{ id: 1, name: 'Default' }],
          },
        )
        await createRun({ siteId, hostKey: 'host:127.0.0.1', profileId: 1, trigger: 'api' })
      }
    }
    console.log(
      `\n== ${label} (${latency} ms per step, fake fleet in ${fakes.length} processes; seeded in ${((Date.now() - t) / 1000).toFixed(0)} s)`,
    )
    const t0 = Date.now()
    for (let w = 0; w < workers; w++) {
      children.push(
        spawn(
          process.execPath,
          [...workerNodeFlags(), '--import', 'tsx', path.join(root, 'lib/runtime/worker-main.ts')],
          {
            cwd: root,
            env: {
              ...process.env,
              ...b.env,
              STEPWISE_MAX_CONCURRENT_RUNS: String(n),
              STEPWISE_RUNNER_CONCURRENCY: String(Math.ceil((n / workers) * 1.2)),
              STEPWISE_MAX_RUNS_PER_HOST: '0',
              STEPWISE_POLL_MS: '50',
            },
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        ),
      )
    }
    const peaks = children.map(() => 0)
    const sampler = setInterval(
      () => children.forEach((c, i) => (peaks[i] = Math.max(peaks[i], peakRss(c.pid!) || 0))),
      500,
    )
    const deadline = Date.now() + 20 * 60_000
    while (Date.now() < deadline && (await countRuns(ACTIVE_RUN_STATUSES)) > 0) await sleep(500)
    const wall = (Date.now() - t0) / 1000
    children.forEach((c, i) => (peaks[i] = Math.max(peaks[i], peakRss(c.pid!) || 0)))
    clearInterval(sampler)
    const succeeded = await countRuns(['succeeded'])
    const steps = await backupStepTimings()
    const lags: number[] = []
    for (let k = 1; k < steps.length; k++) {
      if (steps[k].runId !== steps[k - 1].runId) continue
      lags.push(steps[k].createdAt.getTime() - steps[k].durationMs - steps[k - 1].createdAt.getTime())
    }
    console.log(
      `runs succeeded         ${succeeded}/${n} in ${wall.toFixed(1)} s; ${(steps.length / wall).toFixed(0)} backup steps/s`,
    )
    console.log(`scheduler lag          p50 ${pct(lags, 50).toFixed(0)} ms, p99 ${pct(lags, 99).toFixed(0)} ms`)
    // Throughput the fleet asks for (each run's calls at the step latency) against what was done.
    const demand = n / (latency / 1000)
    console.log(
      `step rate              ${(steps.length / wall).toFixed(0)}/s done; ${demand.toFixed(0)}/s needed for no lag`,
    )
    const { failureBreakdown } = await import('../lib/db/bench-probes')
    for (const f of await failureBreakdown())
      console.log(
        `not succeeded          ${f.count} ${f.status}${f.errorKind ? ` (${f.errorKind})` : ''}: ${f.sample ?? ''}`,
      )
    console.log(`worker peak RSS        ${peaks.map((p) => `${(p / 1024 / 1024).toFixed(0)} MB`).join(', ')}`)
    record({
      name: `scheduler lag p99, ${label}`,
      figure: `${pct(lags, 99).toFixed(0)} ms`,
      target: '≤ 100 ms',
      ok: pct(lags, 99) <= 100 && succeeded === n,
      note: `p50 ${pct(lags, 50).toFixed(0)} ms; ${succeeded}/${n} succeeded; ${latency} ms steps`,
    })
    record({
      name: `worker peak RSS, ${label}`,
      figure: peaks.map((p) => `${(p / 1024 / 1024).toFixed(0)} MB`).join(' / '),
      target: 'report',
      ok: null,
    })
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((res) => {
            if (c.exitCode !== null) return res()
            c.once('exit', () => res())
            c.kill('SIGTERM')
            setTimeout(() => c.kill('SIGKILL'), 15_000).unref()
          }),
      ),
    )
    for (const f of fakes) f.child.kill('SIGTERM')
    await b.close()
  }
}
