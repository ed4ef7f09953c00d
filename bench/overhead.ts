// One backup: Stepwise (the web process's runner, every step persisted) against a bare request loop
// on the same fake site, side by side, alternating, several times; the ratio of the medians.
import { startFakeFleet, type FakeFleet } from '../lib/fake-site'
import { AkeebaClient } from '../lib/akeeba/client'
import { addBenchSite, freshBenchDatabase, median, record, waitRunDone } from './common'

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

export async function overhead(latency: number, repeat: number, target: number): Promise<void> {
  const fleet = await startFakeFleet({ port: 0, sites: [] })
  const bdb = await freshBenchDatabase('sqlite')
  const siteId = await addBenchSite(fleet, 'one', { stepLatencyMs: latency })
  const { queueBackup } = await import('../lib/runs/start-run')
  const { Runner, defaultRunnerOptions } = await import('../lib/engine/runner')
  const { apiForRun } = await import('../lib/engine/site-client')
  const { setLocalRunner } = await import('../lib/engine/runner-registry')
  // The runner says when a run reached its terminal state (called right after that commit): the bench
  // waits on that instead of polling the database, whose queries would share the process and the
  // SQLite connection with the run being measured.
  const finished = new Map<string, (status: string) => void>()
  const done = (runId: string) =>
    new Promise<void>((resolve, reject) =>
      finished.set(runId, (status) =>
        status === 'succeeded' ? resolve() : reject(new Error(`run ${runId}: ${status}`)),
      ),
    )
  const runner = new Runner({
    ...defaultRunnerOptions('web', apiForRun),
    pollMs: 250,
    onFinished: async (runId, status) => finished.get(runId)?.(status),
  })
  setLocalRunner(runner)
  runner.start()
  const bare: number[] = []
  const ours: number[] = []
  const ratios: number[] = []
  try {
    // One warm-up of each (connections, query compilation), not counted.
    await bareLoop(fleet, 'one')
    {
      const run = await queueBackup(siteId, { trigger: 'api' })
      await Promise.race([done(run.id), waitRunDone(run.id)])
    }
    for (let i = 0; i < repeat; i++) {
      const b = await bareLoop(fleet, 'one')
      const t0 = performance.now()
      const run = await queueBackup(siteId, { trigger: 'api' })
      // Done when the run is stored as succeeded: the finished step persisted.
      await done(run.id)
      const o = performance.now() - t0
      bare.push(b)
      ours.push(o)
      ratios.push(o / b)
    }
  } finally {
    await runner.stop(500)
    setLocalRunner(undefined)
    await fleet.close()
    await bdb.close()
  }
  const b = median(bare)
  const o = median(ours)
  const calls = 11
  console.log(`\n== one backup (WordPress persona, ${calls} calls, ${latency} ms per step, median of ${repeat})`)
  console.log(`bare request loop      ${b.toFixed(0)} ms`)
  console.log(`Stepwise (SQLite)      ${o.toFixed(0)} ms   (queue → stored as succeeded, every step persisted)`)
  console.log(`per-pair ratios        ${ratios.map((r) => r.toFixed(3)).join(' ')}`)
  console.log(`bookkeeping per call   ${((o - b) / calls).toFixed(1)} ms`)
  record({
    name: `one backup at ${latency} ms steps, Stepwise/bare`,
    figure: `${(o / b).toFixed(3)}×`,
    target: `≤ ${target.toFixed(2)}×`,
    ok: o / b <= target,
    note: `median of ${repeat}; ${((o - b) / calls).toFixed(1)} ms per call`,
  })
}
