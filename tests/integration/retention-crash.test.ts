// kill -9 in the middle of a retention sweep: the delete in flight was carried out by the site but its
// answer never came. The intent written before the call stays pending; the next pass (after the dead
// process's lease runs out) settles it from the site's fresh list, never by assumption, and finishes
// the job. No record is left half-handled: every intent settled, our mirror equal to the site.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { killHard } from './helpers/worker-process'
import { until } from './helpers/notify-receivers'
import { startFakeFleet, type FakeFleet } from '@/lib/fake-site'
import { createPolicy } from '@/lib/retention/policies'
import { previewPolicy } from '@/lib/retention/preview'
import { runSweep } from '@/lib/retention/sweep'
import { listIntents } from '@/lib/db/retention-actions'
import { db } from '@/lib/db/client'
import { seededSite } from './retention-helpers'

const root = path.resolve(import.meta.dirname, '../..')
let tdb: TestDb
let fleet: FakeFleet

beforeAll(async () => {
  process.env.STEPWISE_LEASE_MS = '1500'
  tdb = await freshDatabase()
  fleet = await startFakeFleet({ port: 0 })
})

afterAll(async () => {
  delete process.env.STEPWISE_LEASE_MS
  await fleet?.close()
  await tdb?.cleanup()
})

const deletes = (id: string) => fleet.calls(id).filter((c) => /delete/i.test(c.method))

describe(`retention survives kill -9 on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('a sweep killed with a delete in flight leaves nothing half-handled after the next pass', async () => {
    const siteId = await seededSite(fleet, 'ret-crash')
    const p = await createPolicy({ name: 'Crash', siteIds: [siteId], keepLast: 3 })
    const planned = (await previewPolicy(p.id)).remove.map((a) => a.remoteId).sort((a, b) => a - b)
    expect(planned.length).toBeGreaterThan(20)

    // Every deleteFiles is carried out by the site, but its answer never comes.
    fleet.setScenario('ret-crash', {
      transportFaults: { rate: 1, methods: ['deleteFiles'], kinds: ['timeout'], hangMs: 120_000 },
    })
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'tests/integration/retention-crash-child.ts'), 'doomed-sweeper'],
      {
        cwd: root,
        env: { ...process.env, ...tdb.env, STEPWISE_LEASE_MS: '1500', STEPWISE_STEP_TIMEOUT_MS: '60000' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
    await until(() => deletes('ret-crash').length === 1 || undefined, 'the first delete', 30_000)
    await new Promise((r) => setTimeout(r, 200))
    await killHard(child)
    expect(out).not.toContain('finished')

    // Half-way: the site removed the files, our intent is pending, our mirror still says "ok".
    const victim = Number(deletes('ret-crash')[0].params.backup_id)
    expect(fleet.records('ret-crash').find((r) => r.id === victim)?.filesPresent).toBe(false)
    const pending = (await listIntents({ siteId })).filter((i) => i.status === 'pending')
    expect(pending.map((i) => i.remoteId)).toEqual([victim])

    // The next pass (another process) while the dead one's lease still holds: hands off.
    fleet.setScenario('ret-crash', { transportFaults: null })
    const early = await runSweep('restarted')
    expect(early.busy).toBe(1)
    await new Promise((r) => setTimeout(r, 3_200))
    const s = await runSweep('restarted')
    expect(s).toMatchObject({ settled: 1, unconfirmed: 0, busy: 0 })

    const intents = await listIntents({ siteId })
    expect(intents.filter((i) => i.status !== 'done')).toEqual([])
    expect(intents.map((i) => i.remoteId).sort((a, b) => a - b)).toEqual(planned)
    expect(intents.find((i) => i.remoteId === victim)?.message).toMatch(/interrupted/)
    // Our mirror equals the site: every record without files on the site is without files here too.
    const onSite = new Map(fleet.records('ret-crash').map((r) => [r.id, r.status === 'complete' && r.filesPresent]))
    const rows = await db().archive.findMany({ where: { siteId }, select: { remoteId: true, meta: true } })
    expect(rows).toHaveLength(40)
    for (const r of rows) expect([r.remoteId, r.meta === 'ok']).toEqual([r.remoteId, onSite.get(r.remoteId)])
    const removed = fleet
      .records('ret-crash')
      .filter((r) => r.status === 'complete' && !r.filesPresent)
      .map((r) => r.id)
    expect(removed.sort((a, b) => a - b)).toEqual([...planned, 31].sort((a, b) => a - b))
    expect(await db().auditEvent.count({ where: { action: 'retention.settled', siteId } })).toBe(1)
  }, 90_000)
})
