// A run whose lease keeps expiring without progress ends as timed out (not failed), and so does a
// run older than the maximum run time. Neither sends anything more to the site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { startHarness, backupCalls, type Harness } from './helpers/engine-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

async function strandedRun(siteId: string, fields: object) {
  const site = await db().site.findUniqueOrThrow({ where: { id: siteId } })
  return db().backupRun.create({
    data: {
      siteId,
      hostKey: site.hostKey,
      status: 'running',
      phase: 'step',
      remoteBackupId: 'id-20261129-010101-000001',
      remoteRecordId: 9,
      lastStepNumber: 4,
      startedAt: new Date(),
      nextTickAt: new Date(),
      leaseOwner: 'dead-runner:x',
      leaseUntil: new Date(Date.now() - 1000),
      ...fields,
    },
  })
}

describe('timeouts', () => {
  it('lease expired too many times without progress → timed out', async () => {
    const siteId = await h.addSite({ id: 'stuck' })
    const run = await strandedRun(siteId, { leaseExpiries: 3 })
    h.startRunner({ maxLeaseExpiries: 3 })
    const done = await h.waitFor(run.id)
    expect(done.status).toBe('timed_out')
    expect(done.errorKind).toBe('timed_out')
    expect(done.errorMessage).toMatch(/lease expired/)
    expect(backupCalls(h.fleet, 'stuck')).toHaveLength(0)
    await h.runner!.stop(200)
  })

  it('older than the maximum run time → timed out', async () => {
    const siteId = await h.addSite({ id: 'ancient' })
    const run = await strandedRun(siteId, {
      startedAt: new Date(Date.now() - 13 * 3_600_000),
      leaseOwner: null,
      leaseUntil: null,
    })
    h.startRunner({ maxRunMs: 12 * 3_600_000 })
    const done = await h.waitFor(run.id)
    expect(done.status).toBe('timed_out')
    expect(done.errorMessage).toMatch(/12 h/)
    expect(backupCalls(h.fleet, 'ancient')).toHaveLength(0)
  })
})
