// Runs never spin: a run whose site cannot be called (no endpoint, a key the current secret cannot
// decrypt) fails at once with a clear message; ticks that keep throwing back off and then fail; and
// the maximum run time holds even while ticks throw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { createRun } from '@/lib/db/runs'
import { apiForRun } from '@/lib/engine/site-client'
import { startHarness, backupCalls, type Harness } from './helpers/engine-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

async function runOf(siteId: string) {
  const site = await db().site.findUniqueOrThrow({ where: { id: siteId } })
  return createRun({ siteId, hostKey: site.hostKey, profileId: 1, trigger: 'api' })
}

describe('runs that cannot proceed', () => {
  it('a site without an endpoint: the run fails at once, saying what to do', async () => {
    const siteId = await h.addSite({ id: 'no-endpoint' })
    await db().site.update({ where: { id: siteId }, data: { endpointUrl: null } })
    const run = await runOf(siteId)
    h.startRunner()
    const done = await h.waitFor(run.id, 10_000)
    expect(done).toMatchObject({ status: 'failed', errorKind: 'site_unusable' })
    expect(done.errorMessage).toMatch(/not connected/)
    expect(backupCalls(h.fleet, 'no-endpoint')).toHaveLength(0)
    await h.runner!.stop(200)
  })

  it('a key the current secret cannot decrypt: the run fails naming STEPWISE_SECRET_KEY', async () => {
    const siteId = await h.addSite({ id: 'bad-key' })
    await db().site.update({
      where: { id: siteId },
      data: { keyCiphertext: 'v1:' + Buffer.alloc(48, 7).toString('base64') },
    })
    const run = await runOf(siteId)
    h.startRunner()
    const done = await h.waitFor(run.id, 10_000)
    expect(done).toMatchObject({ status: 'failed', errorKind: 'site_unusable' })
    expect(done.errorMessage).toMatch(/STEPWISE_SECRET_KEY/)
    await h.runner!.stop(200)
  })

  it('ticks that keep throwing back off, then fail the run with the last error', async () => {
    const siteId = await h.addSite({ id: 'throws' })
    const run = await runOf(siteId)
    let calls = 0
    h.startRunner({
      tickErrorFirstRetryMs: 5,
      apiFor: async (runId, site) => {
        if (runId === run.id) {
          calls++
          throw new Error('database hiccup')
        }
        return apiForRun(runId, site)
      },
    })
    const done = await h.waitFor(run.id, 20_000)
    expect(done).toMatchObject({ status: 'failed', errorKind: 'tick_errors' })
    expect(done.errorMessage).toMatch(/8 times in a row.*database hiccup/)
    expect(calls).toBe(8)
    await h.runner!.stop(200)
  })

  it('the maximum run time ends a run whose ticks throw', async () => {
    const siteId = await h.addSite({ id: 'old-throws' })
    const run = await runOf(siteId)
    await db().backupRun.update({
      where: { id: run.id },
      data: { status: 'running', startedAt: new Date(Date.now() - 13 * 3_600_000), nextTickAt: new Date() },
    })
    h.startRunner({
      maxRunMs: 12 * 3_600_000,
      apiFor: async (runId, site) => {
        if (runId === run.id) throw new Error('database hiccup')
        return apiForRun(runId, site)
      },
    })
    const done = await h.waitFor(run.id, 10_000)
    expect(done.status).toBe('timed_out')
    expect(done.errorMessage).toMatch(/within 12 h/)
    await h.runner!.stop(200)
  })
})

describe('a site whose address became private', () => {
  it('the run fails at once with the guard’s reason, nothing is sent', async () => {
    const { resetConfigForTests } = await import('@/lib/config')
    const siteId = await h.addSite({ id: 'went-private' })
    const run = await runOf(siteId)
    process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS = 'false'
    resetConfigForTests()
    try {
      h.startRunner()
      const done = await h.waitFor(run.id, 10_000)
      expect(done).toMatchObject({ status: 'failed', errorKind: 'refused_address' })
      expect(done.errorMessage).toMatch(/loopback/)
      expect(backupCalls(h.fleet, 'went-private')).toHaveLength(0)
      await h.runner!.stop(200)
    } finally {
      process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS = 'true'
      resetConfigForTests()
    }
  })
})
