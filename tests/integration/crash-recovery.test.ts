// kill -9 of the runner process at random moments, many times, then a restart: every run ends in the
// right state, no run sent startBackup twice, no backup was stepped after it finished (DESIGN.md
// facts 3 and 4), and the sites hold no stranger backups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { runMarker } from '@/lib/engine/marker'
import { startHarness, backupCalls, type Harness } from './helpers/engine-harness'
import { killHard, spawnWorker, stopGracefully } from './helpers/worker-process'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

function rand(seed: number) {
  let x = seed
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

describe(`crash recovery on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('survives repeated kill -9 of the worker', async () => {
    const sites: { fakeId: string; siteId: string }[] = []
    for (let i = 0; i < 6; i++) {
      const fakeId = `crash-${i}`
      const siteId = await h.addSite({
        id: fakeId,
        persona: i % 2 ? 'joomla' : 'wordpress',
        scenario: { stepLatencyMs: [20, 90], countQuota: 0, seed: 7 + i },
      })
      sites.push({ fakeId, siteId })
    }
    const runIds: string[] = []
    for (const s of sites) for (let k = 0; k < 2; k++) runIds.push((await h.backup(s.siteId)).id)

    const env = {
      ...h.db.env,
      STEPWISE_LEASE_MS: '1200',
      STEPWISE_STEP_TIMEOUT_MS: '1000',
      STEPWISE_RETRY_FIRST_DELAY_MS: '150',
      STEPWISE_MAX_LEASE_EXPIRIES: '100',
    }
    const r = rand(42)
    for (let i = 0; i < 10; i++) {
      // Kill once the worker is really driving backups (it has stored a new step), at a random moment.
      const before = await db().backupStep.count()
      const w = spawnWorker(env)
      const end = Date.now() + 30_000
      while (Date.now() < end && (await db().backupStep.count()) === before)
        await new Promise((res) => setTimeout(res, 20))
      await new Promise((res) => setTimeout(res, 30 + r() * 400))
      await killHard(w)
      if ((await db().backupRun.count({ where: { id: { in: runIds }, status: { in: ['queued', 'running'] } } })) === 0)
        break
    }
    const final = spawnWorker(env)
    try {
      const end = Date.now() + 90_000
      while (
        Date.now() < end &&
        (await db().backupRun.count({ where: { id: { in: runIds }, status: { in: ['queued', 'running'] } } })) > 0
      ) {
        await new Promise((res) => setTimeout(res, 200))
      }
    } finally {
      await stopGracefully(final)
    }

    const runs = await db().backupRun.findMany({ where: { id: { in: runIds } } })
    // The kills really hit runs mid-flight: some ticks were recovered by asking the site first.
    const asks = await db().backupStep.count({
      where: { runId: { in: runIds }, call: { in: ['getBackupInfo', 'listBackups'] } },
    })
    expect(asks).toBeGreaterThan(runIds.length)
    for (const run of runs) expect(run.status, `${run.id}: ${run.errorKind} ${run.errorMessage}`).toBe('succeeded')

    for (const s of sites) {
      const calls = backupCalls(h.fleet, s.fakeId)
      const siteRuns = runs.filter((x) => x.siteId === s.siteId)
      for (const run of siteRuns) {
        // Exactly one startBackup per run, found by our marker in its comment.
        const starts = calls.filter((c) => /startbackup/i.test(c.method) && c.params.comment === runMarker(run.id))
        expect(starts, `run ${run.id} startBackup count`).toHaveLength(1)
      }
      expect(calls.filter((c) => /startbackup/i.test(c.method))).toHaveLength(siteRuns.length)
      // No stranger backups: every record on the site is one of ours, complete.
      const records = h.fleet.records(s.fakeId)
      expect(records.map((x) => x.status)).toEqual(siteRuns.map(() => 'complete'))
      expect(records.every((x) => siteRuns.some((run) => x.comment === runMarker(run.id)))).toBe(true)
      // Never stepped after its finish: the last stepBackup of each backupid came before the next start.
      for (const run of siteRuns) {
        const idx = calls.map((c, i) => (c.params.backupid === run.remoteBackupId ? i : -1)).filter((i) => i >= 0)
        const nextStart = calls.findIndex(
          (c, i) =>
            i > calls.indexOf(calls.find((x) => x.params.comment === runMarker(run.id))!) &&
            /startbackup/i.test(c.method),
        )
        if (nextStart >= 0) expect(Math.max(...idx)).toBeLessThan(nextStart)
      }
    }
  }, 180_000)
})
