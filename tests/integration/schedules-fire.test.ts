// Schedules firing against a real database (SQLite, or PostgreSQL with STEPWISE_TEST_DB=postgresql):
// one run per target site per fire, busy sites skipped and recorded, run-once, catch-up, staggering.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase, db, type TestDb } from './helpers/test-db'
import { fireDueSchedules } from '@/lib/schedule/fire'
import { createSchedule, getSchedule, listSchedules, updateSchedule } from '@/lib/schedule/manage-schedules'
import { listScheduleEvents } from '@/lib/db/schedules'
import { staggerOffsetMs } from '@/lib/schedule/stagger'
import { listSites } from '@/lib/sites/list-sites'
import { AppError } from '@/lib/api/errors'
import { resetConfigForTests } from '@/lib/config'

let t: TestDb
beforeAll(async () => {
  t = await freshDatabase()
})
afterAll(async () => {
  await t.cleanup()
})

let n = 0
async function site(tag: string, status = 'ok'): Promise<string> {
  const s = await db().site.create({
    data: {
      name: `site-${tag}-${n++}`,
      baseUrl: `https://s${n}.test`,
      keyCiphertext: 'v1:x',
      hostKey: 'host:shared',
      tags: JSON.stringify([tag]),
      connectionStatus: status,
    },
  })
  return s.id
}

async function runsOf(scheduleId: string) {
  return db().backupRun.findMany({ where: { scheduleId }, orderBy: { createdAt: 'asc' } })
}

/** Pretend the schedule's pending fire is `at` (as if created long ago). */
async function setPending(id: string, at: Date) {
  await db().schedule.update({ where: { id }, data: { nextFireAt: at, lastFireAt: null } })
}

beforeEach(() => {
  delete process.env.STEPWISE_CATCHUP_WINDOW_MINUTES
  resetConfigForTests()
})

describe(`schedules fire (${process.env.STEPWISE_TEST_DB ?? 'sqlite'})`, () => {
  it('one run per tagged site per fire, with the description template; a second pass adds nothing', async () => {
    const ids = [await site('alpha'), await site('alpha'), await site('alpha')]
    await site('other')
    const s = await createSchedule({
      name: 'Nightly alpha',
      tag: 'alpha',
      cron: '30 2 * * *',
      timezone: 'Europe/Berlin',
      descriptionTemplate: '{site} {date} {time}',
    })
    const fire = new Date('2027-03-28T01:00:00Z') // 03:00 CEST: 02:30 does not exist that day
    await setPending(s.id, fire)
    const r = await fireDueSchedules(new Date(fire.getTime() + 500))
    expect(r.created).toHaveLength(3)
    const runs = await runsOf(s.id)
    expect(runs.map((x) => x.siteId).sort()).toEqual([...ids].sort())
    expect(
      runs.every(
        (x) => x.trigger === 'schedule' && x.status === 'queued' && x.scheduledFor?.getTime() === fire.getTime(),
      ),
    ).toBe(true)
    expect(runs[0].description).toMatch(/ 2027-03-28 03:00$/)
    expect((await fireDueSchedules(new Date(fire.getTime() + 1500))).created).toHaveLength(0)
    const after = await getSchedule(s.id)
    expect(after.lastFireAt).toBe(fire.toISOString())
    expect(after.nextFireAt).toBe('2027-03-29T00:30:00.000Z')
    expect(after.sites.every((x) => x.last?.kind === 'run' && x.last.status === 'queued')).toBe(true)
  })

  it('a site already backing up gets no second run from the fire; the skip is recorded and shown', async () => {
    const busy = await site('beta')
    const free = await site('beta')
    const manual = await db().backupRun.create({
      data: { siteId: busy, hostKey: 'host:shared', status: 'running', trigger: 'manual' },
    })
    const s = await createSchedule({ tag: 'beta', cron: '0 * * * *', timezone: 'UTC' })
    const fire = new Date('2027-06-01T10:00:00Z')
    await setPending(s.id, fire)
    await fireDueSchedules(new Date(fire.getTime() + 100))
    await fireDueSchedules(new Date(fire.getTime() + 1100))
    const runs = await runsOf(s.id)
    expect(runs.map((r) => r.siteId)).toEqual([free])
    expect(await db().backupRun.count({ where: { siteId: busy } })).toBe(1)
    const skips = await listScheduleEvents(s.id, 10, ['schedule.skipped'])
    expect(skips).toHaveLength(1)
    expect(skips[0]).toMatchObject({ siteId: busy, runId: manual.id, scheduledFor: fire.toISOString() })
    const dto = await getSchedule(s.id)
    expect(dto.sites.find((x) => x.siteId === busy)?.last).toMatchObject({
      kind: 'skipped',
      reason: expect.stringMatching(/already backing up/),
    })
  })

  it('a site that is not connected is skipped with the reason, not silently', async () => {
    const down = await site('gamma', 'unreachable')
    const s = await createSchedule({ siteId: down, cron: '0 * * * *', timezone: 'UTC' })
    await setPending(s.id, new Date('2027-06-01T10:00:00Z'))
    await fireDueSchedules(new Date('2027-06-01T10:00:01Z'))
    expect(await runsOf(s.id)).toHaveLength(0)
    expect((await getSchedule(s.id)).sites[0].last).toMatchObject({
      kind: 'skipped',
      reason: expect.stringMatching(/not connected/),
    })
  })

  it('run-once: fires at the next match, then disables itself with the reason recorded', async () => {
    const id = await site('delta')
    const s = await createSchedule({ siteId: id, cron: '15 4 * * *', timezone: 'UTC', runOnce: true, by: 'ann' })
    expect(s.changedBy).toBe('ann')
    const fire = new Date('2027-06-01T04:15:00Z')
    await setPending(s.id, fire)
    await fireDueSchedules(new Date(fire.getTime() + 10))
    const after = await getSchedule(s.id)
    expect(await runsOf(s.id)).toHaveLength(1)
    expect(after).toMatchObject({
      enabled: false,
      nextFireAt: null,
      changedBy: 'stepwise',
      changeReason: expect.stringMatching(/Run-once.*disabled itself/),
    })
    expect((await fireDueSchedules(new Date(fire.getTime() + 86_400_000))).created).toHaveLength(0)
  })

  it('after downtime: one catch-up run per site, older fires recorded as missed', async () => {
    const ids = [await site('eps'), await site('eps')]
    const s = await createSchedule({ tag: 'eps', cron: '0 * * * *', timezone: 'UTC' })
    await setPending(s.id, new Date('2027-06-01T01:00:00Z'))
    const r = await fireDueSchedules(new Date('2027-06-01T09:20:00Z'))
    expect(r.created).toHaveLength(2)
    const runs = await runsOf(s.id)
    expect(runs.map((x) => x.scheduledFor?.toISOString())).toEqual([
      '2027-06-01T09:00:00.000Z',
      '2027-06-01T09:00:00.000Z',
    ])
    expect(runs.map((x) => x.siteId).sort()).toEqual([...ids].sort())
    const ev = await listScheduleEvents(s.id, 10)
    expect(ev.map((e) => e.action)).toEqual(expect.arrayContaining(['schedule.missed', 'schedule.catch_up']))
    expect(ev.find((e) => e.action === 'schedule.missed')?.details).toMatchObject({
      first: '2027-06-01T01:00:00.000Z',
      last: '2027-06-01T08:00:00.000Z',
    })
    expect((await getSchedule(s.id)).nextFireAt).toBe('2027-06-01T10:00:00.000Z')
  })

  it('after downtime beyond the catch-up window: no run, the miss is recorded', async () => {
    process.env.STEPWISE_CATCHUP_WINDOW_MINUTES = '60'
    resetConfigForTests()
    await site('zeta')
    const s = await createSchedule({ tag: 'zeta', cron: '0 3 * * *', timezone: 'UTC' })
    await setPending(s.id, new Date('2027-06-01T03:00:00Z'))
    const r = await fireDueSchedules(new Date('2027-06-01T09:00:00Z'))
    expect(r).toMatchObject({ created: [], missed: 1 })
    expect(await runsOf(s.id)).toHaveLength(0)
    expect((await listScheduleEvents(s.id, 5, ['schedule.missed']))[0].details).toMatchObject({ ranInstead: null })
    expect((await getSchedule(s.id)).nextFireAt).toBe('2027-06-02T03:00:00.000Z')
  })

  it('staggering: each site starts at fire + its own offset; scheduledFor stays the fire time', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => site('eta')))
    const s = await createSchedule({ tag: 'eta', cron: '0 2 * * *', timezone: 'UTC', staggerMinutes: 20 })
    const fire = new Date('2027-06-01T02:00:00Z')
    await setPending(s.id, fire)
    const offsets = new Map(ids.map((id) => [id, staggerOffsetMs(s.id, id, 20)]))
    const at = new Date(fire.getTime() + 10 * 60_000)
    await fireDueSchedules(at)
    const first = await runsOf(s.id)
    expect(first.map((r) => r.siteId).sort()).toEqual(ids.filter((id) => offsets.get(id)! <= 10 * 60_000).sort())
    expect((await getSchedule(s.id)).nextFireAt).toBe(fire.toISOString()) // the fire is still in progress
    await fireDueSchedules(new Date(fire.getTime() + 20 * 60_000))
    const all = await runsOf(s.id)
    expect(all).toHaveLength(12)
    expect(all.every((r) => r.scheduledFor?.getTime() === fire.getTime())).toBe(true)
    expect((await getSchedule(s.id)).nextFireAt).toBe('2027-06-02T02:00:00.000Z')
  })

  it('SiteDto.nextBackupAt includes the stagger offset; listSchedules filters by site (direct or tag)', async () => {
    const id = await site('theta')
    const s = await createSchedule({ tag: 'theta', cron: '0 2 * * *', timezone: 'UTC', staggerMinutes: 30 })
    const mine = (await listSites()).find((x) => x.id === id)!
    const dto = await getSchedule(s.id)
    expect(mine.nextBackupAt).toBe(
      new Date(new Date(dto.nextFireAt!).getTime() + staggerOffsetMs(s.id, id, 30)).toISOString(),
    )
    expect((await listSchedules({ siteId: id })).map((x) => x.id)).toEqual([s.id])
    await updateSchedule(s.id, { enabled: false, by: 'bob', reason: 'client on holiday' })
    expect((await listSites()).find((x) => x.id === id)!.nextBackupAt).toBeNull()
    const off = await getSchedule(s.id)
    expect(off).toMatchObject({ enabled: false, changedBy: 'bob', changeReason: 'client on holiday', nextFireAt: null })
  })

  it('rejects a stagger window longer than the gap between fires, and unknown sites, naming the field', async () => {
    await expect(
      createSchedule({ tag: 'x', cron: '0 * * * *', timezone: 'UTC', staggerMinutes: 90 }),
    ).rejects.toMatchObject({ extra: { field: 'staggerMinutes' } })
    await expect(createSchedule({ siteId: 'nope', cron: '0 * * * *', timezone: 'UTC' })).rejects.toBeInstanceOf(
      AppError,
    )
    const id = await site('iota')
    const s = await createSchedule({ siteId: id, cron: '0 * * * *', timezone: 'UTC' })
    await expect(updateSchedule(s.id, { cron: '0 0 0 * * *' })).rejects.toMatchObject({ extra: { field: 'cron' } })
  })
})
