// Two worker processes share one database (PostgreSQL in CI; the SQLite leg runs it too) and 50 runs:
// both do work, every run succeeds, and no run is ever ticked by both at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import { db } from '@/lib/db/client'
import { startHarness, backupCalls, type Harness } from './helpers/engine-harness'
import { spawnWorker, stopGracefully } from './helpers/worker-process'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

const LATENCY = 80

function finishedBy(child: ChildProcess): Map<string, string> {
  const runs = new Map<string, string>()
  let buf = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buf += chunk.toString()
    let nl: number
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl)
      buf = buf.slice(nl + 1)
      try {
        const j = JSON.parse(line) as { msg?: string; runId?: string; runner?: string }
        if (j.msg === 'run finished' && j.runId && j.runner) runs.set(j.runId, j.runner)
      } catch {
        /* not a log line */
      }
    }
  })
  return runs
}

describe(`two workers on one ${process.env.STEPWISE_TEST_DB ?? 'sqlite'} database`, () => {
  it('share 50 runs and never tick the same run at once', async () => {
    const siteIds: string[] = []
    for (let i = 0; i < 50; i++) {
      siteIds.push(
        await h.addSite({
          id: `mw-${i}`,
          persona: i % 3 ? 'wordpress' : 'joomla',
          scenario: { stepLatencyMs: LATENCY, countQuota: 0 },
        }),
      )
    }
    // Each process drives at most 30 at once, so neither can take all 50 alone.
    const env = {
      ...h.db.env,
      STEPWISE_LOG_LEVEL: 'info',
      STEPWISE_MAX_CONCURRENT_RUNS: '50',
      STEPWISE_RUNNER_CONCURRENCY: '30',
      STEPWISE_MAX_RUNS_PER_HOST: '0',
    }
    const a = spawnWorker(env, 'pipe')
    const b = spawnWorker(env, 'pipe')
    const byA = finishedBy(a)
    const byB = finishedBy(b)
    // Both workers up (heartbeats) before the work arrives.
    const up = Date.now() + 60_000
    while (Date.now() < up && (await db().runnerHeartbeat.count()) < 2) await new Promise((r) => setTimeout(r, 50))
    const runIds: string[] = []
    for (const siteId of siteIds) runIds.push((await h.backup(siteId)).id)
    try {
      const end = Date.now() + 120_000
      while (
        Date.now() < end &&
        (await db().backupRun.count({ where: { status: { in: ['queued', 'running'] } } })) > 0
      ) {
        await new Promise((r) => setTimeout(r, 200))
      }
    } finally {
      await Promise.all([stopGracefully(a), stopGracefully(b)])
    }
    const runs = await db().backupRun.findMany({ where: { id: { in: runIds } } })
    expect(runs.filter((r) => r.status !== 'succeeded').map((r) => `${r.status} ${r.errorMessage}`)).toEqual([])
    expect(byA.size + byB.size).toBe(50)
    expect(byA.size).toBeGreaterThan(0)
    expect(byB.size).toBeGreaterThan(0)
    for (let i = 0; i < 50; i++) {
      const calls = backupCalls(h.fleet, `mw-${i}`)
      expect(calls.filter((c) => /startbackup/i.test(c.method))).toHaveLength(1)
      // One tick at a time: each call waits for the previous answer, which takes LATENCY ms.
      for (let k = 1; k < calls.length; k++) expect(calls[k].at - calls[k - 1].at).toBeGreaterThanOrEqual(LATENCY - 15)
    }
  }, 180_000)
})
