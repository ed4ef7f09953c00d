// Lease recovery: a runner that stopped heartbeating (kill -9) loses its leases at once, so another
// runner takes the next step within seconds, not after the lease (step timeout + 60 s); the dead
// runner's late commit is refused by the lease fence; SIGTERM hands leases back before exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { claimDue, reclaimFromDeadRunners, runnerOfToken } from '@/lib/db/run-claims'
import { commitTick, TICK_SELECT } from '@/lib/db/run-ticks'
import { beat } from '@/lib/db/runner-heartbeats'
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitForNewStep(runId: string, afterSeq: number, timeoutMs: number) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    const s = await db().backupStep.findFirst({ where: { runId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' } })
    if (s) return s
    await sleep(20)
  }
  return null
}

describe(`lease recovery on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it("refuses a dead runner's late commit after its lease was taken back", async () => {
    const siteId = await h.addSite({ id: 'fence-1', scenario: { stepLatencyMs: 10, countQuota: 0 } })
    const run = await h.backup(siteId)
    // Promote by hand as a runner would, then claim as runner A.
    await db().backupRun.update({
      where: { id: run.id },
      data: { status: 'running', phase: 'start', startedAt: new Date(), nextTickAt: new Date(Date.now() - 1) },
    })
    const a = { id: 'hostA:111:aaaaaaaa', kind: 'test', pid: 111, host: 'hostA', startedAt: new Date() }
    await beat(a, new Date(Date.now() - 60_000))
    const [claim] = await claimDue(a.id, 1, TICK_SELECT)
    expect(claim.runId).toBe(run.id)
    expect(runnerOfToken(claim.token)).toBe(a.id)
    // A run its runner committed lately stays with it, however late that runner's heartbeat (it is
    // alive, only slow to report).
    expect((await reclaimFromDeadRunners(new Date(Date.now() - 10_000))).runs).toBe(0)
    expect(await db().runnerHeartbeat.count({ where: { id: a.id } })).toBe(1)
    // A claimed it a minute ago and has not committed since.
    await db().backupRun.update({ where: { id: run.id }, data: { updatedAt: new Date(Date.now() - 60_000) } })
    // A live runner's heartbeat protects its lease; A's is a minute old.
    const freed = await reclaimFromDeadRunners(new Date(Date.now() - 10_000))
    expect(freed.runners).toContain(a.id)
    expect(freed.runs).toBe(1)
    expect(await db().runnerHeartbeat.count({ where: { id: a.id } })).toBe(0)
    const [taken] = await claimDue('hostB:222:bbbbbbbb', 1, TICK_SELECT)
    expect(taken.runId).toBe(run.id)
    // A wakes up and commits its step: refused, nothing written.
    const ok = await commitTick(run.id, claim.token, claim.row.stepSeq, { phase: 'stepping' }, null)
    expect(ok).toBe(false)
    const row = await db().backupRun.findUniqueOrThrow({ where: { id: run.id } })
    expect(row.phase).toBe('start')
    expect(row.leaseOwner).toBe(taken.token)
    expect(row.leaseExpiries).toBe(1)
    await db().backupRun.update({ where: { id: run.id }, data: { status: 'cancelled', leaseOwner: null } })
  })

  it('after kill -9 of the worker, a new runner takes the next step within 15 s', async () => {
    const siteId = await h.addSite({
      id: 'kill-1',
      persona: 'joomla',
      scenario: { stepLatencyMs: 250, countQuota: 0, stepsPerDomain: 12, seed: 3 },
    })
    const run = await h.backup(siteId)
    // A lease as long as the default (5 min + 60 s): only heartbeat loss can free it in time.
    const env = { ...h.db.env, STEPWISE_LEASE_MS: '360000', STEPWISE_RETRY_FIRST_DELAY_MS: '150' }
    const a = spawnWorker(env)
    let b: ReturnType<typeof spawnWorker> | null = null
    try {
      const first = await waitForNewStep(run.id, 1, 60_000)
      expect(first, 'worker A stored steps').not.toBeNull()
      await sleep(100 + Math.random() * 200)
      const before = await db().backupRun.findUniqueOrThrow({ where: { id: run.id } })
      expect(before.leaseOwner, 'A holds the lease at the kill').not.toBeNull()
      await killHard(a)
      const killedAt = Date.now()
      const seqAtKill = (await db().backupRun.findUniqueOrThrow({ where: { id: run.id } })).stepSeq
      b = spawnWorker(env)
      const next = await waitForNewStep(run.id, seqAtKill, 20_000)
      expect(next, 'a step after the kill').not.toBeNull()
      const recoveredMs = next!.createdAt.getTime() - killedAt
      console.log(`lease recovery: next step stored ${recoveredMs} ms after kill -9`)
      expect(recoveredMs).toBeLessThanOrEqual(15_000)
      const done = await h.waitFor(run.id, 90_000)
      expect(done.status, `${done.errorKind} ${done.errorMessage}`).toBe('succeeded')
      const calls = backupCalls(h.fleet, 'kill-1')
      expect(calls.filter((c) => /startbackup/i.test(c.method) && c.params.comment === runMarker(run.id))).toHaveLength(
        1,
      )
    } finally {
      await killHard(a)
      if (b) await stopGracefully(b)
    }
  }, 150_000)

  it('SIGTERM hands the leases back before the worker exits', async () => {
    const siteId = await h.addSite({
      id: 'term-1',
      scenario: { stepLatencyMs: 300, countQuota: 0, stepsPerDomain: 20, seed: 5 },
    })
    const run = await h.backup(siteId)
    const env = { ...h.db.env, STEPWISE_LEASE_MS: '360000' }
    const a = spawnWorker(env)
    try {
      expect(await waitForNewStep(run.id, 1, 60_000)).not.toBeNull()
      await stopGracefully(a)
      expect(a.signalCode, 'exited by itself, not killed').toBeNull()
      const row = await db().backupRun.findUniqueOrThrow({ where: { id: run.id } })
      expect(row.status).toBe('running')
      expect(row.leaseOwner).toBeNull()
      expect(await db().runnerHeartbeat.count()).toBe(0)
    } finally {
      await killHard(a)
    }
    // Any runner picks it straight up and finishes it.
    h.startRunner()
    const done = await h.waitFor(run.id, 90_000)
    expect(done.status, `${done.errorKind} ${done.errorMessage}`).toBe('succeeded')
  }, 150_000)
})
