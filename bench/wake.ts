// Queued → first API call: the time from "Back up now" (the request that queues the run) to the
// site receiving startBackup. In the web process the runner is woken in-process; with separate
// worker processes on PostgreSQL, by LISTEN/NOTIFY (lib/db/work-signal.ts).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { startFakeFleet } from '../lib/fake-site'
import {
  addBenchSite,
  freshBenchDatabase,
  pct,
  pgAvailable,
  record,
  root,
  sleep,
  waitRunDone,
  workerNodeFlags,
} from './common'

const SAMPLES = Number(process.env.BENCH_WAKE_SAMPLES ?? 40)

async function sample(fleet: Awaited<ReturnType<typeof startFakeFleet>>, siteId: string, fakeId: string) {
  const { queueBackup } = await import('../lib/runs/start-run')
  const { runMarker } = await import('../lib/engine/marker')
  // Let the runner go idle (asleep in its poll) first, as it would be when someone clicks.
  await sleep(30 + Math.random() * 120)
  const t0 = Date.now()
  const run = await queueBackup(siteId, { trigger: 'api' })
  const marker = runMarker(run.id)
  const startOf = () => fleet.calls(fakeId).find((c) => c.params.comment === marker)
  for (let i = 0; i < 4000 && !startOf(); i++) await sleep(1)
  const first = startOf()
  if (!first) throw new Error('no startBackup after queueing')
  await waitRunDone(run.id)
  return first.at - t0
}

export async function wakeInProcess(): Promise<void> {
  const fleet = await startFakeFleet({ port: 0, sites: [] })
  const bdb = await freshBenchDatabase('sqlite')
  const siteId = await addBenchSite(fleet, 'wake', { stepLatencyMs: 0, stepsPerDomain: 1 })
  const { Runner, defaultRunnerOptions } = await import('../lib/engine/runner')
  const { setLocalRunner } = await import('../lib/engine/runner-registry')
  const { apiForRun } = await import('../lib/engine/site-client')
  // The web process's runner with its default poll (250 ms): without a wake-up, the wait is the poll.
  const runner = new Runner({ ...defaultRunnerOptions('web', apiForRun), pollMs: 250 })
  setLocalRunner(runner)
  runner.start()
  const lat: number[] = []
  try {
    for (let i = 0; i < SAMPLES; i++) lat.push(await sample(fleet, siteId, 'wake'))
  } finally {
    await runner.stop(500)
    setLocalRunner(undefined)
    await fleet.close()
    await bdb.close()
  }
  console.log(`\n== queued → first API call, web process (SQLite, poll 250 ms, ${SAMPLES} runs)`)
  console.log(`p50 ${pct(lat, 50)} ms, p95 ${pct(lat, 95)} ms, max ${Math.max(...lat)} ms`)
  record({
    name: 'queued → first API call p95, web process',
    figure: `${pct(lat, 95)} ms`,
    target: '≤ 20 ms',
    ok: pct(lat, 95) <= 20,
  })
}

export async function wakeSeparateWorker(): Promise<void> {
  if (!(await pgAvailable())) {
    record({
      name: 'queued → first API call p95, PostgreSQL worker',
      figure: 'n/a',
      target: '≤ 50 ms',
      ok: null,
      note: 'no PostgreSQL',
    })
    return
  }
  const fleet = await startFakeFleet({ port: 0, sites: [] })
  const bdb = await freshBenchDatabase('postgresql')
  const siteId = await addBenchSite(fleet, 'wake', { stepLatencyMs: 0, stepsPerDomain: 1 })
  const child = spawn(
    process.execPath,
    [...workerNodeFlags(), '--import', 'tsx', path.join(root, 'lib/runtime/worker-main.ts')],
    { cwd: root, env: { ...process.env, ...bdb.env, STEPWISE_POLL_MS: '250' }, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const lat: number[] = []
  try {
    const { runnerHeartbeatCount } = await import('../lib/db/bench-probes')
    for (let i = 0; i < 600 && (await runnerHeartbeatCount()) === 0; i++) await sleep(50)
    await sleep(500) // LISTEN is set up right after the first heartbeat
    for (let i = 0; i < SAMPLES; i++) lat.push(await sample(fleet, siteId, 'wake'))
  } finally {
    await new Promise<void>((res) => {
      child.once('exit', () => res())
      child.kill('SIGTERM')
    })
    await fleet.close()
    await bdb.close()
  }
  console.log(`\n== queued → first API call, separate worker process (PostgreSQL NOTIFY, poll 250 ms, ${SAMPLES} runs)`)
  console.log(`p50 ${pct(lat, 50)} ms, p95 ${pct(lat, 95)} ms, max ${Math.max(...lat)} ms`)
  record({
    name: 'queued → first API call p95, PostgreSQL worker',
    figure: `${pct(lat, 95)} ms`,
    target: '≤ 50 ms',
    ok: pct(lat, 95) <= 50,
  })
}
