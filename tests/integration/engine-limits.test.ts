// The runner's limits: a per-host cap (many sites on one shared server) and a global cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { startHarness, type Harness } from './helpers/engine-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

async function maxRunningWhile(runIds: string[], where: object): Promise<number> {
  let max = 0
  while ((await db().backupRun.count({ where: { id: { in: runIds }, status: { in: ['queued', 'running'] } } })) > 0) {
    max = Math.max(max, await db().backupRun.count({ where: { status: 'running', ...where } }))
    await new Promise((r) => setTimeout(r, 10))
  }
  return max
}

describe('limits', () => {
  it('per-host cap: sites in one host group run at most N at once, the rest wait their turn', async () => {
    h.startRunner({ limits: { maxConcurrent: 20, maxPerHost: 2 } })
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const siteId = await h.addSite({
        id: `shared-${i}`,
        hostGroup: 'Shared Server A',
        scenario: { stepLatencyMs: 40 },
      })
      ids.push((await h.backup(siteId)).id)
    }
    const other = await h.addSite({ id: 'elsewhere', hostGroup: 'Other Host', scenario: { stepLatencyMs: 40 } })
    ids.push((await h.backup(other)).id)
    const max = await maxRunningWhile(ids, { hostKey: 'group:shared server a' })
    expect(max).toBe(2)
    const runs = await db().backupRun.findMany({ where: { id: { in: ids } } })
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true)
    await h.runner!.stop(500)
  })

  it('global cap: never more running backups than the cap', async () => {
    h.startRunner({ limits: { maxConcurrent: 3, maxPerHost: 0 } })
    const ids: string[] = []
    for (let i = 0; i < 7; i++) {
      const siteId = await h.addSite({ id: `global-${i}`, hostGroup: `host-${i}`, scenario: { stepLatencyMs: 30 } })
      ids.push((await h.backup(siteId)).id)
    }
    const max = await maxRunningWhile(ids, {})
    expect(max).toBeLessThanOrEqual(3)
    expect(max).toBeGreaterThan(1)
    expect((await db().backupRun.findMany({ where: { id: { in: ids } } })).every((r) => r.status === 'succeeded')).toBe(
      true,
    )
  })
})
