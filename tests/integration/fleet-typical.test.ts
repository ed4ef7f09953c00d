// The run page's fallback estimate: the fleet's typical duration per backup type, from recent
// successful runs only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { fleetTypicalByType } from '@/lib/runs/fleet-typical'
import { freshDatabase, type TestDb } from './helpers/test-db'

let t: TestDb
beforeAll(async () => {
  t = await freshDatabase()
})
afterAll(async () => {
  await t.cleanup()
})

describe(`fleet typical duration on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('is the median of successful runs per backup type; failures and other types do not count', async () => {
    const site = await db().site.create({
      data: { name: 's', baseUrl: 'https://s.test', keyCiphertext: 'v1:x', hostKey: 'h', connectionStatus: 'ok' },
    })
    const start = new Date('2026-12-01T10:00:00Z')
    const run = (status: string, backupType: string | null, seconds: number) =>
      db().backupRun.create({
        data: {
          siteId: site.id,
          hostKey: 'h',
          status,
          backupType,
          startedAt: start,
          finishedAt: new Date(start.getTime() + seconds * 1000),
        },
      })
    for (const s of [60, 120, 600]) await run('succeeded', null, s)
    for (const s of [10, 30]) await run('succeeded', 'dbonly', s)
    await run('failed', 'dbonly', 5000)
    await run('cancelled', null, 9000)
    expect(await fleetTypicalByType()).toEqual({ '': 120_000, dbonly: 20_000 })
  })
})
