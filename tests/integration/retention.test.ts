// Retention against fake sites over real HTTP with a real database: keepLast / keepDays / GFS on a site
// with 40 records (frozen, failed, running, foreign, without files), the newest good backup never
// removed, the preview equal to what the sweep then does, and Joomla's refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { startFakeFleet, type FakeFleet } from '@/lib/fake-site'
import { createPolicy, updatePolicy } from '@/lib/retention/policies'
import { previewPolicy, siteRetention } from '@/lib/retention/preview'
import { runSweep } from '@/lib/retention/sweep'
import { applyRetentionToSite } from '@/lib/retention/apply-site'
import { isoMonth, isoWeek } from '@/lib/retention/calendar'
import { listIntents } from '@/lib/db/retention-actions'
import { db } from '@/lib/db/client'
import { daysAgoOf, kindOf, seededSite } from './retention-helpers'

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

const DAY = 86_400_000
const remoteIds = (xs: { remoteId: number }[]) => xs.map((a) => a.remoteId).sort((a, b) => a - b)
/** Seed index i is record id i + 1 on a fresh fake site. */
const idxs = (pred: (i: number) => boolean) => [...Array(40).keys()].filter(pred).map((i) => i + 1)

describe(`retention on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('keepLast + GFS (delete files): the preview names exactly what the sweep then removes', async () => {
    const siteId = await seededSite(fleet, 'ret-gfs', { tags: ['gfs'] })
    const daily = await createPolicy({ name: 'Daily', siteIds: [siteId], keepLast: 5 })
    await createPolicy({ name: 'GFS', tags: ['gfs'], keepWeekly: 4, keepMonthly: 3 })
    await createPolicy({ name: 'Elsewhere', siteIds: ['not-this-site'], keepLast: 1 })

    // Expected, by hand: the good records we made, newest first; keepLast 5; the newest of each of
    // the 4 newest ISO weeks and 3 newest months; frozen ones stay; everything else loses its files.
    const now = Date.now()
    const good = [...Array(40).keys()].filter((i) => ['ok', 'frozen'].includes(kindOf(i))).reverse()
    const kept = new Set(good.slice(0, 5))
    for (const [n, key] of [
      [4, isoWeek],
      [3, isoMonth],
    ] as const) {
      const seen = new Set<string>()
      for (const i of good) {
        const k = key(now - daysAgoOf(i) * DAY)
        if (seen.has(k)) continue
        if (seen.size >= n) break
        seen.add(k)
        kept.add(i)
      }
    }
    const expected = idxs((i) => kindOf(i) === 'ok' && !kept.has(i))
    expect(expected.length).toBeGreaterThan(15)

    const preview = await previewPolicy(daily.id)
    expect(remoteIds(preview.remove)).toEqual(expected)
    expect(preview.summary).toMatchObject({ removeCount: expected.length, siteCount: 1 })
    expect(preview.summary.bytes).toBe(preview.remove.reduce((n, a) => n + a.totalSize, 0))
    const why = new Map(preview.keep.map((a) => [a.remoteId, a.reasons]))
    expect(why.get(40)).toEqual(['running'])
    expect(why.get(39)).toEqual(['failed, newer than the newest good backup'])
    expect(why.get(11)).toContain('frozen')
    expect(why.get(6)).toEqual(['not created by Stepwise'])
    expect(why.get(38)).toEqual(
      expect.arrayContaining(['newest complete backup with files', 'keepLast 5 (policy Daily)']),
    )
    expect(preview.remove.every((a) => a.action === 'delete_files')).toBe(true)
    // The site panel says the same.
    const panel = await siteRetention(siteId)
    expect(panel.policies.map((p) => p.name).sort()).toEqual(['Daily', 'GFS'])
    expect(remoteIds(panel.remove)).toEqual(expected)

    await runSweep('test-sweep')
    const after = fleet.records('ret-gfs')
    const withoutFiles = after.filter((r) => !r.filesPresent && r.status === 'complete').map((r) => r.id)
    expect(withoutFiles.sort((a, b) => a - b)).toEqual([...expected, 31].sort((a, b) => a - b))
    expect(after).toHaveLength(40)
    const intents = await listIntents({ siteId })
    expect(intents.map((i) => i.status)).toEqual(expected.map(() => 'done'))
    expect(intents.every((i) => i.trigger === 'sweep' && i.policies.includes(daily.id))).toBe(true)
    // Nothing left to do: a second pass asks for no delete.
    fleet.clearCalls('ret-gfs')
    await runSweep('test-sweep-2')
    expect(fleet.calls('ret-gfs').filter((c) => /delete/i.test(c.method))).toHaveLength(0)
    const audit = await db().auditEvent.count({ where: { action: 'archive.files_deleted', siteId } })
    expect(audit).toBe(expected.length)
  })

  it('keepDays (delete records) removes old records of ours, failed ones included, never the protected', async () => {
    const siteId = await seededSite(fleet, 'ret-days')
    const p = await createPolicy({ name: 'Month', siteIds: [siteId], keepDays: 20, action: 'delete_records' })
    const expected = idxs(
      (i) => daysAgoOf(i) >= 20 && ['ok', 'fail', 'obsolete'].includes(kindOf(i)) && !(i === 38 || i === 39),
    )
    expect(remoteIds((await previewPolicy(p.id)).remove)).toEqual(expected)
    const r = await applyRetentionToSite(siteId, { trigger: 'sweep', owner: 't' })
    expect(r).toMatchObject({ status: 'done', removed: expected.length, unconfirmed: 0 })
    const left = fleet.records('ret-days').map((x) => x.id)
    expect(left.sort((a, b) => a - b)).toEqual(idxs((i) => !expected.includes(i + 1)))
    // Gone records are marked gone in our mirror, not deleted from it.
    expect(await db().archive.count({ where: { siteId, goneFromSite: true } })).toBe(expected.length)
  })

  it('never removes the newest good backup, even when every backup is older than keepDays', async () => {
    const seeds = [50, 40, 35, 31].map((d, i) => ({ daysAgo: d, comment: `stepwise-run:old${i}` }))
    const siteId = await seededSite(fleet, 'ret-last', { seeds })
    await createPolicy({ name: 'Week', siteIds: [siteId], keepDays: 7, action: 'delete_records' })
    await applyRetentionToSite(siteId, { trigger: 'sweep', owner: 't' })
    await applyRetentionToSite(siteId, { trigger: 'sweep', owner: 't' })
    expect(fleet.records('ret-last').map((r) => r.id)).toEqual([4])
    const panel = await siteRetention(siteId)
    expect(panel.keep.map((a) => [a.remoteId, a.reasons])).toEqual([[4, ['newest complete backup with files']]])
  })

  it('Joomla refuses: the site is marked, alerted once, and not asked again on the next sweep', async () => {
    const seeds = [9, 7, 5, 3, 1].map((d, i) => ({ daysAgo: d, comment: `stepwise-run:j${i}` }))
    const siteId = await seededSite(fleet, 'ret-joomla', { persona: 'joomla', seeds })
    await createPolicy({ name: 'J', siteIds: [siteId], keepLast: 2 })
    const r = await applyRetentionToSite(siteId, { trigger: 'sweep', owner: 't' })
    expect(r.status).toBe('refuses')
    const site = await db().site.findUniqueOrThrow({ where: { id: siteId } })
    expect(site.retentionRefusedAt).not.toBeNull()
    expect(site.retentionRetryAt!.getTime()).toBeGreaterThan(Date.now() + 6 * DAY)
    expect(fleet.records('ret-joomla').every((x) => x.filesPresent)).toBe(true)
    const intents = await listIntents({ siteId })
    expect(intents.map((i) => i.status)).toEqual(['refused'])
    expect(await db().notifyEvent.count({ where: { kind: 'retention.refused', siteId } })).toBe(1)

    fleet.clearCalls('ret-joomla')
    await runSweep('next-day')
    expect(fleet.calls('ret-joomla').filter((c) => /delete/i.test(c.method))).toHaveLength(0)
    expect(await db().notifyEvent.count({ where: { kind: 'retention.refused', siteId } })).toBe(1)
    expect((await siteRetention(siteId)).refusesDeletes?.message).toBeTruthy()
    expect((await previewPolicy(intents[0].policies[0])).unreadable?.[0]).toMatchObject({ siteId })

    // A re-check (a newer connection check) lets retention ask again.
    await db().site.update({ where: { id: siteId }, data: { lastCheckedAt: new Date(Date.now() + 1000) } })
    const again = await applyRetentionToSite(siteId, { trigger: 'sweep', owner: 't' })
    expect(again.status).toBe('refuses')
    expect(fleet.calls('ret-joomla').filter((c) => /delete/i.test(c.method))).toHaveLength(1)

    // Whole-record deletes are refused too (fact 11: delete answers {"status":500,"data":""}).
    await updatePolicy(intents[0].policies[0], { action: 'delete_records' })
    await db().site.update({ where: { id: siteId }, data: { lastCheckedAt: new Date(Date.now() + 60_000) } })
    expect((await applyRetentionToSite(siteId, { trigger: 'sweep', owner: 't' })).status).toBe('refuses')
    expect(fleet.calls('ret-joomla').filter((c) => c.method === 'delete')).toHaveLength(1)
    expect(fleet.records('ret-joomla')).toHaveLength(5)
    expect((await listIntents({ siteId })).map((i) => i.status)).toEqual(['refused', 'refused', 'refused'])
  })

  it('nothing is removed when the list cannot be read fresh', async () => {
    const seeds = [9, 7, 5, 3, 1].map((d, i) => ({ daysAgo: d, comment: `stepwise-run:u${i}` }))
    const siteId = await seededSite(fleet, 'ret-unread', { seeds })
    await createPolicy({ name: 'U', siteIds: [siteId], keepLast: 1 })
    fleet.setScenario('ret-unread', { transportFaults: { rate: 1, methods: ['listBackups'], kinds: ['502'] } })
    const r = await applyRetentionToSite(siteId, { trigger: 'sweep', owner: 't' })
    expect(r.status).toBe('unreadable')
    expect(fleet.calls('ret-unread').filter((c) => /delete/i.test(c.method))).toHaveLength(0)
    expect(fleet.records('ret-unread').every((x) => x.filesPresent)).toBe(true)
  })
})
