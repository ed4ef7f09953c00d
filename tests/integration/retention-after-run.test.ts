// Retention after a successful backup, through the real composition root (lib/runtime/start-runner.ts):
// the run's archive sync, then the site's policies at once; the new backup is the one kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, FAST_POLICY, type Harness } from './helpers/engine-harness'
import { startRunner, stopRunner } from '@/lib/runtime/start-runner'
import { createPolicy } from '@/lib/retention/policies'
import { listIntents } from '@/lib/db/retention-actions'
import { until } from './helpers/notify-receivers'
import { resetConfigForTests } from '@/lib/config'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await stopRunner()
  await h.close()
  delete process.env.STEPWISE_RETENTION_SWEEP_AT
})

describe(`retention after a run on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('a good backup applies the site policy right away; a failed one does not', async () => {
    const siteId = await h.addSite({ id: 'ret-after', scenario: { countQuota: 0 } })
    h.fleet.seedRecords(
      'ret-after',
      [30, 20, 10].map((d, i) => ({ daysAgo: d, comment: `stepwise-run:pre${i}` })),
    )
    await createPolicy({ name: 'Two', siteIds: [siteId], keepLast: 2 })
    // No daily sweep in this test (it would be due at once after 03:30 UTC).
    process.env.STEPWISE_RETENTION_SWEEP_AT = 'off'
    resetConfigForTests()
    startRunner('test', { pollMs: 20, policy: FAST_POLICY })

    h.fleet.setScenario('ret-after', { failAtStep: 3 })
    const failed = await h.backup(siteId)
    expect((await h.waitFor(failed.id)).status).toBe('failed')
    expect(await listIntents({ siteId })).toEqual([])
    h.fleet.setScenario('ret-after', { failAtStep: null })

    const run = await h.backup(siteId)
    expect((await h.waitFor(run.id)).status).toBe('succeeded')
    const intents = await until(async () => {
      const xs = await listIntents({ siteId })
      return xs.length === 2 && xs.every((i) => i.status === 'done') ? xs : undefined
    }, 'retention after the run')
    if (!intents) throw new Error('no intents')
    expect(intents.every((i) => i.trigger === 'after_run')).toBe(true)
    expect(intents.map((i) => i.remoteId).sort()).toEqual([1, 2])
    const withFiles = h.fleet.records('ret-after').filter((r) => r.status === 'complete' && r.filesPresent)
    // Kept: the newest two complete backups with files, the new one (record 5 after the failed 4) first.
    expect(withFiles.map((r) => r.id).sort()).toEqual([3, 5])
  }, 60_000)
})
