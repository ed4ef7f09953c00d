// Recovery: a worker driving a backup is killed with kill -9 (a long lease held, as with the default
// step timeout); a new worker starts at once. The time from the kill to the next stored step.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { startFakeFleet } from '../lib/fake-site'
import { addBenchSite, freshBenchDatabase, record, root, sleep, workerNodeFlags } from './common'

function worker(env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    [...workerNodeFlags(), '--import', 'tsx', path.join(root, 'lib/runtime/worker-main.ts')],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
}

const stop = (c: ChildProcess, sig: NodeJS.Signals) =>
  new Promise<void>((res) => {
    if (c.exitCode !== null || c.signalCode !== null) return res()
    c.once('exit', () => res())
    c.kill(sig)
  })

export async function recovery(kind: 'sqlite' | 'postgresql'): Promise<void> {
  const fleet = await startFakeFleet({ port: 0, sites: [] })
  const b = await freshBenchDatabase(kind)
  const siteId = await addBenchSite(fleet, 'rec', { stepLatencyMs: 300, stepsPerDomain: 30 })
  const { queueBackup } = await import('../lib/runs/start-run')
  const { firstStepAfter, runStepSeq, stepCount } = await import('../lib/db/bench-probes')
  const run = await queueBackup(siteId, { trigger: 'api' })
  const a = worker(b.env)
  let c: ChildProcess | null = null
  try {
    for (let i = 0; i < 1200 && (await stepCount(run.id)) < 3; i++) await sleep(50)
    await sleep(150)
    await stop(a, 'SIGKILL')
    const killed = Date.now()
    const seq = await runStepSeq(run.id)
    c = worker(b.env)
    let next: Date | null = null
    for (let i = 0; i < 1200 && !next; i++) {
      next = await firstStepAfter(run.id, seq)
      if (!next) await sleep(25)
    }
    const ms = next ? next.getTime() - killed : NaN
    console.log(
      `\n== recovery after kill -9 (${kind}): next step stored ${ms} ms after the kill (new worker started at once)`,
    )
    record({
      name: `kill -9 → next step by a new runner (${kind})`,
      figure: `${(ms / 1000).toFixed(1)} s`,
      target: '≤ 15 s',
      ok: ms <= 15_000,
      note: 'lease 6 min; heartbeat silence 10 s frees it',
    })
  } finally {
    await stop(a, 'SIGKILL')
    if (c) await stop(c, 'SIGTERM')
    await fleet.close()
    await b.close()
  }
}
