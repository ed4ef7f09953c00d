// Archive history is current without anyone pressing Refresh: a site added with backups already on it
// shows them and the right state at once (no "Never backed up", no false "too old" alert); the
// background sync re-reads each site once per due time, however many runners look at the same moment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { startFakeFleet, type FakeFleet } from '@/lib/fake-site'
import { addSite, recheckSite } from '@/lib/sites/connect-site'
import { listArchives } from '@/lib/db/archives'
import { evaluateSiteAlerts } from '@/lib/notify/site-alerts'
import { syncDueArchives } from '@/lib/archives/background-sync'
import { db } from '@/lib/db/client'

let tdb: TestDb
let fleet: FakeFleet

beforeAll(async () => {
  tdb = await freshDatabase()
  fleet = await startFakeFleet({ port: 0 })
})

afterAll(async () => {
  await fleet?.close()
  await tdb?.cleanup()
})

const HOUR = 3_600_000

async function add(id: string, seedHistory: number, maxBackupAgeHours?: number) {
  const info = fleet.addSite({ id, persona: 'wordpress', key: `key${id.replace(/-/g, '')}Abc123`, seedHistory })
  return addSite({
    name: id,
    url: info.url,
    key: info.key,
    tags: [],
    saveIfUnreachable: false,
    ...(maxBackupAgeHours ? { maxBackupAgeHours } : {}),
  })
}

const listCalls = (id: string) => fleet.calls(id).filter((c) => c.method === 'listBackups').length

describe(`archive history on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('a site added with 5 backups shows them and is "Backed up" at once, with no stale alert', async () => {
    const site = await add('five-records', 5)
    // The answer of the add itself already carries the state.
    expect(site.backupState).toBe('ok')
    expect(site.archivesSyncedAt).not.toBeNull()
    const archives = await listArchives({ siteId: site.id })
    expect(archives).toHaveLength(5)
    // The stock count quota (3) made the two oldest obsolete: that is not "files removed".
    expect(archives.filter((a) => a.meta === 'obsolete')).toHaveLength(2)
    const newest = archives[0]
    expect(site.lastSuccessAt).toBe(newest.backupEnd)
    expect(Date.now() - Date.parse(site.lastSuccessAt!)).toBeLessThan(25 * HOUR)

    await evaluateSiteAlerts(new Date())
    const stale = await db().notifyEvent.count({ where: { siteId: site.id, kind: 'site.stale' } })
    expect(stale).toBe(0)
  })

  it('a site whose newest backup really is older than its max age is "Too old" at once', async () => {
    const site = await add('too-old-records', 2, 12)
    expect(site.backupState).toBe('too_old')
    await evaluateSiteAlerts(new Date())
    expect(await db().notifyEvent.count({ where: { siteId: site.id, kind: 'site.stale' } })).toBe(1)
  })

  it('a site with no backups is "Never backed up", and not stale right after being added', async () => {
    const site = await add('no-records', 0)
    expect(site.backupState).toBe('never')
    await evaluateSiteAlerts(new Date())
    expect(await db().notifyEvent.count({ where: { siteId: site.id, kind: 'site.stale' } })).toBe(0)
  })

  it('a re-check reads the list again (a backup taken on the site meanwhile shows up)', async () => {
    const site = await add('recheck-records', 1)
    expect(await listArchives({ siteId: site.id })).toHaveLength(1)
    const before = listCalls('recheck-records')
    await recheckSite(site.id)
    expect(listCalls('recheck-records')).toBeGreaterThan(before)
  })

  it('the background sync syncs each due site once, however many runners look at once', async () => {
    const site = await add('background-records', 3)
    const row = await db().site.findUniqueOrThrow({ where: { id: site.id } })
    // Just synced on add: planned roughly one interval (6 h ± 15 %) ahead.
    const ahead = row.archivesSyncDueAt!.getTime() - Date.now()
    expect(ahead).toBeGreaterThan(5 * HOUR)
    expect(ahead).toBeLessThan(7 * HOUR)

    // Not due yet: nothing happens.
    const quiet = await syncDueArchives(new Date(), { intervalMs: 6 * HOUR, limit: 100 })
    expect(quiet.synced).not.toContain(site.id)

    // Due: four "runners" pass at the same moment; exactly one syncs the site.
    const later = new Date(row.archivesSyncDueAt!.getTime() + 1000)
    const before = listCalls('background-records')
    const passes = await Promise.all(
      [1, 2, 3, 4].map(() => syncDueArchives(later, { intervalMs: 6 * HOUR, limit: 100 })),
    )
    const syncs = passes.flatMap((p) => p.synced).filter((id) => id === site.id)
    expect(syncs).toHaveLength(1)
    expect(listCalls('background-records') - before).toBe(1)
    // And it is planned about one interval after that sync (which ran on the real clock).
    const next = (await db().site.findUniqueOrThrow({ where: { id: site.id } })).archivesSyncDueAt!
    expect(next.getTime()).toBeGreaterThan(Date.now() + 5 * HOUR)
    const again = await syncDueArchives(later, { intervalMs: 6 * HOUR, limit: 100 })
    expect(again.synced).not.toContain(site.id)
  })

  it('spreads sites that were never planned over the interval instead of syncing them all at once', async () => {
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push((await add(`spread-${i}`, 1)).id)
    await db().site.updateMany({ where: { id: { in: ids } }, data: { archivesSyncDueAt: null } })
    const now = new Date()
    const r = await syncDueArchives(now, { intervalMs: 6 * HOUR, limit: 100, sync: async () => {} })
    expect(r.synced.filter((id) => ids.includes(id))).toHaveLength(0)
    const dues = (await db().site.findMany({ where: { id: { in: ids } } })).map((s) => s.archivesSyncDueAt!.getTime())
    expect(dues.every((d) => d > now.getTime() && d <= now.getTime() + 6 * HOUR + 1000)).toBe(true)
    expect(new Set(dues).size).toBe(6)
  })
})
