// Benchmarks, measured side by side in one run (never timed assertions in tests):
//  1. one backup: Stepwise (runner + SQLite, every step persisted) vs a bare request loop, same fake site
//  2. N concurrent fake sites: scheduler lag p50/p99 (due → request sent), steps/s, runner peak RSS
// Usage: npm run bench -- [--latency 200,2000] [--fleet 100,1000] [--fleet-latency 1000] [--repeat 3]
// (2000 ms is the real server's step time: Akeeba's minimum execution time per step.)
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startFakeFleet, type FakeFleet } from '../lib/fake-site'
import { AkeebaClient } from '../lib/akeeba/client'

const args = new Map<string, string>()
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1] ?? '')
const LATENCIES = (args.get('latency') ?? '200,2000').split(',').filter(Boolean).map(Number)
const REPEAT = Number(args.get('repeat') ?? 3)
const FLEETS = (args.get('fleet') ?? '100,1000').split(',').filter(Boolean).map(Number)
const FLEET_LATENCY = Number(args.get('fleet-latency') ?? 1000)
const root = path.resolve(import.meta.dirname, '..')
// The fake fleet listens on 127.0.0.1: allow loopback site addresses, as the demo does (the worker
// child processes inherit it).
process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS ||= 'true'
// The same Node flags as `npm run worker` (package.json), so the figures are the product's.
const WORKER_NODE_FLAGS = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.worker as string)
  .split(' ')
  .filter((a) => a.startsWith('--max'))

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

async function freshBenchDatabase(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stepwise-bench-'))
  const env = {
    DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
    STEPWISE_DATA_DIR: dir,
    STEPWISE_LOG_LEVEL: 'error',
  }
  Object.assign(process.env, env)
  const { resetConfigForTests } = await import('../lib/config')
  const { closeDatabase } = await import('../lib/db/lifecycle')
  const { resetSiteKeyCacheForTests } = await import('../lib/secrets/site-key-cipher')
  const { migrate } = await import('../lib/db/migrate')
  resetConfigForTests()
  resetSiteKeyCacheForTests()
  await closeDatabase()
  await migrate(env.DATABASE_URL)
  return { dir, env }
}

async function bareLoop(fleet: FakeFleet, id: string): Promise<number> {
  const client = new AkeebaClient({
    endpoint: { url: fleet.endpointUrl(id), platform: 'wordpress' },
    key: fleet.key(id),
  })
  const t0 = performance.now()
  let r = await client.startBackup({ description: 'bare' })
  while (r.data.hasRun) r = await client.stepBackup(r.data.backupid)
  return performance.now() - t0
}

async function oneBackup(LATENCY: number): Promise<void> {
  const fleet = await startFakeFleet({ port: 0, sites: [] })
  const { dir } = await freshBenchDatabase()
  const { insertSite } = await import('../lib/db/sites')
  const { encryptSiteKey } = await import('../lib/secrets/site-key-cipher')
  const { queueBackup } = await import('../lib/runs/start-run')
  const { getRun } = await import('../lib/db/runs')
  const { Runner, defaultRunnerOptions } = await import('../lib/engine/runner')
  const { apiForRun } = await import('../lib/engine/site-client')
  fleet.addSite({
    id: 'one',
    persona: 'wordpress',
    key: 'BenchKey123',
    scenario: { stepLatencyMs: LATENCY, countQuota: 0 },
  })
  const siteId = await insertSite(
    {
      name: 'one',
      baseUrl: fleet.url('one'),
      keyCiphertext: encryptSiteKey('BenchKey123'),
      hostGroup: null,
      hostKey: 'host:127.0.0.1',
      tags: [],
    },
    {
      endpointUrl: fleet.endpointUrl('one'),
      platform: 'wordpress',
      apiLevel: 400,
      akeebaVersion: '9.1.1',
      edition: 'pro',
      connectionStatus: 'ok',
      connectionError: null,
      profiles: [{ id: 1, name: 'Default' }],
    },
  )
  const { setLocalRunner } = await import('../lib/engine/runner-registry')
  const runner = new Runner({ ...defaultRunnerOptions('test', apiForRun), pollMs: 250 })
  setLocalRunner(runner)
  runner.start()
  const bare: number[] = []
  const ours: number[] = []
  for (let i = 0; i < REPEAT; i++) {
    bare.push(await bareLoop(fleet, 'one'))
    const t0 = performance.now()
    const run = await queueBackup(siteId, { trigger: 'api' })
    // Done when the run is stored as succeeded: the finished step persisted and the archive verified.
    for (;;) {
      const r = await getRun(run.id)
      if (r && r.status !== 'queued' && r.status !== 'running') {
        if (r.status !== 'succeeded') throw new Error(r.errorMessage ?? r.status)
        break
      }
      await new Promise((res) => setTimeout(res, 5))
    }
    ours.push(performance.now() - t0)
  }
  await runner.stop(500)
  setLocalRunner(undefined)
  await fleet.close()
  rmSync(dir, { recursive: true, force: true })
  const b = median(bare)
  const o = median(ours)
  console.log(`\n== one backup (WordPress persona, 11 calls, ${LATENCY} ms per step, median of ${REPEAT})`)
  console.log(`bare request loop      ${b.toFixed(0)} ms`)
  console.log(`Stepwise (SQLite)      ${o.toFixed(0)} ms   (includes persisting every step and verifying the archive)`)
  console.log(`ratio Stepwise/bare    ${(o / b).toFixed(3)}   (target ≤ 1.020)`)
}

function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : NaN
  } catch {
    return NaN
  }
}

async function fleetBench(n: number): Promise<void> {
  const fleet = await startFakeFleet({ port: 0, sites: [] })
  const { dir, env } = await freshBenchDatabase()
  const { insertSite } = await import('../lib/db/sites')
  const { createRun } = await import('../lib/db/runs')
  const { countRuns, backupStepTimings } = await import('../lib/db/run-stats')
  const { ACTIVE_RUN_STATUSES } = await import('../lib/domain/run-status')
  const { encryptSiteKey } = await import('../lib/secrets/site-key-cipher')
  const key = 'BenchKey123'
  const cipher = encryptSiteKey(key)
  for (let i = 0; i < n; i++) {
    const id = `f${i}`
    fleet.addSite({ id, persona: 'wordpress', key, scenario: { stepLatencyMs: FLEET_LATENCY, countQuota: 0 } })
    const siteId = await insertSite(
      { name: id, baseUrl: fleet.url(id), keyCiphertext: cipher, hostGroup: null, hostKey: 'host:127.0.0.1', tags: [] },
      {
        endpointUrl: fleet.endpointUrl(id),
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
  const t0 = Date.now()
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []
  const child = spawn(
    process.execPath,
    [...prof, ...WORKER_NODE_FLAGS, '--import', 'tsx', path.join(root, 'lib/runtime/worker-main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        STEPWISE_MAX_CONCURRENT_RUNS: String(n),
        STEPWISE_MAX_RUNS_PER_HOST: '0',
        STEPWISE_POLL_MS: '50',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  let peak = 0
  const sampler = setInterval(() => {
    peak = Math.max(peak, peakRss(child.pid!) || 0)
  }, 200)
  const deadline = Date.now() + 15 * 60_000
  while (Date.now() < deadline && (await countRuns(ACTIVE_RUN_STATUSES)) > 0) {
    await new Promise((res) => setTimeout(res, 250))
  }
  const wall = (Date.now() - t0) / 1000
  peak = Math.max(peak, peakRss(child.pid!) || 0)
  clearInterval(sampler)
  await new Promise<void>((res) => {
    child.once('exit', () => res())
    child.kill('SIGTERM')
  })
  const succeeded = await countRuns(['succeeded'])
  // Lag, from the database: a step is due when the previous answer was stored (sleepTime is 0), and
  // its request went out `durationMs` before its own answer was stored.
  const steps = await backupStepTimings()
  const lags: number[] = []
  for (let k = 1; k < steps.length; k++) {
    if (steps[k].runId !== steps[k - 1].runId) continue
    lags.push(steps[k].createdAt.getTime() - steps[k].durationMs - steps[k - 1].createdAt.getTime())
  }
  const http = steps.map((x) => x.durationMs)
  let calls = 0
  for (let i = 0; i < n; i++) calls += fleet.calls(`f${i}`).length
  await fleet.close()
  const { closeDatabase } = await import('../lib/db/lifecycle')
  await closeDatabase()
  rmSync(dir, { recursive: true, force: true })
  console.log(`\n== ${n} concurrent sites (${FLEET_LATENCY} ms per step, one worker process, SQLite)`)
  console.log(`runs succeeded         ${succeeded}/${n} in ${wall.toFixed(1)} s`)
  console.log(
    `backup steps per sec   ${(steps.length / wall).toFixed(0)}   (${calls} API calls in all; fake answer time p50 ${pct(http, 50)} ms)`,
  )
  console.log(`scheduler lag p50      ${pct(lags, 50).toFixed(0)} ms`)
  console.log(`scheduler lag p99      ${pct(lags, 99).toFixed(0)} ms   (target ≤ 100 ms)`)
  console.log(`runner peak RSS        ${(peak / 1024 / 1024).toFixed(0)} MB   (target ≤ 400 MB)`)
}

async function main(): Promise<void> {
  console.log(`Stepwise benchmarks on ${os.cpus().length} cores, Node ${process.version}`)
  for (const l of LATENCIES) await oneBackup(l)
  for (const n of FLEETS) await fleetBench(n)
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
