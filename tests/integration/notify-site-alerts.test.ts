// The silent failures: a site with no good backup within its maximum age alerts once (site.stale),
// is repeated only every reminderHours per channel, and site.recovered follows a good backup; a site
// that stops answering alerts once and, while it stays so, is repeated every reminderHours per
// channel; scheduled fires skipped STEPWISE_ALERT_SKIPS times in a row alert once per streak. Time is
// a fake clock passed to the evaluation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { evaluateSiteAlerts } from '@/lib/notify/site-alerts'
import { fanOutPending } from '@/lib/notify/fan-out'
import { dispatchDue } from '@/lib/notify/dispatch'
import { createChannel } from '@/lib/notify/channels'
import { recordScheduleEvent } from '@/lib/db/schedules'
import { startHarness, type Harness } from './helpers/engine-harness'
import { startHttpReceiver, type HttpReceiver } from './helpers/notify-receivers'

let h: Harness
let hook: HttpReceiver
beforeAll(async () => {
  hook = await startHttpReceiver()
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
  await hook.close()
})

const HOUR = 3_600_000
const events = (path: string) =>
  hook.received.filter((r) => r.path === path).map((r) => JSON.parse(r.body).event as string)

async function pass(now: Date) {
  await evaluateSiteAlerts(now)
  await fanOutPending(now)
  await dispatchDue('test', now)
}

describe(`site alerts on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('stale once, reminders per channel interval, recovered after a good backup', async () => {
    const siteId = await h.addSite({ id: 'stale-1', name: 'Quiet site' })
    await db().site.update({ where: { id: siteId }, data: { maxBackupAgeHours: 2 } })
    await createChannel({
      name: 'fast',
      type: 'webhook',
      target: `${hook.url}/fast`,
      events: ['site.stale', 'site.recovered'],
      reminderHours: 1,
    })
    await createChannel({
      name: 'slow',
      type: 'webhook',
      target: `${hook.url}/slow`,
      events: ['site.stale', 'site.recovered'],
      reminderHours: 24,
    })
    const t0 = Date.now()
    await pass(new Date(t0 + 1 * HOUR))
    expect(events('/fast')).toEqual([])
    await pass(new Date(t0 + 3 * HOUR))
    await pass(new Date(t0 + 3 * HOUR + 60_000))
    // Evaluated again and again, still one alert.
    expect(events('/fast')).toEqual(['site.stale'])
    expect(events('/slow')).toEqual(['site.stale'])
    expect(await db().notifyEvent.count({ where: { kind: 'site.stale' } })).toBe(1)
    await pass(new Date(t0 + 4 * HOUR + 120_000))
    // One hour later: a reminder for the 1 h channel only.
    expect(events('/fast')).toEqual(['site.stale', 'site.stale'])
    expect(JSON.parse(hook.received.filter((r) => r.path === '/fast')[1].body).details.reminder).toBe(true)
    expect(events('/slow')).toEqual(['site.stale'])
    for (let k = 5; k <= 26; k++) await pass(new Date(t0 + k * HOUR + 180_000))
    // 24 h after the first alert (t0 + 3 h): not yet at t0 + 26 h, then one reminder.
    expect(events('/slow')).toEqual(['site.stale'])
    await pass(new Date(t0 + 27 * HOUR + 240_000))
    await pass(new Date(t0 + 27 * HOUR + 300_000))
    expect(events('/slow')).toEqual(['site.stale', 'site.stale'])
    expect(events('/fast').length).toBeGreaterThanOrEqual(20)
    // A good backup: recovered, once.
    h.startRunner()
    const run = await h.backup(siteId)
    expect((await h.waitFor(run.id)).status).toBe('succeeded')
    await h.runner?.stop(500)
    h.runner = null
    await db().backupRun.update({ where: { id: run.id }, data: { finishedAt: new Date(t0 + 28 * HOUR) } })
    await pass(new Date(t0 + 28 * HOUR + 1000))
    await pass(new Date(t0 + 28 * HOUR + 2000))
    expect(events('/slow')).toEqual(['site.stale', 'site.stale', 'site.recovered'])
  })

  it('a site that stops answering alerts once, and again when it answers', async () => {
    const siteId = await h.addSite({ id: 'unreach-1', name: 'Flaky' })
    await createChannel({
      name: 'reach',
      type: 'webhook',
      target: `${hook.url}/reach`,
      events: ['site.unreachable', 'site.reachable'],
    })
    const now = Date.now()
    await pass(new Date(now))
    await db().site.update({
      where: { id: siteId },
      data: { connectionStatus: 'not_connected', connectionError: 'connection refused' },
    })
    await pass(new Date(now + 1000))
    await pass(new Date(now + 2000))
    expect(events('/reach')).toEqual(['site.unreachable'])
    expect(JSON.parse(hook.received.find((r) => r.path === '/reach')!.body).details.reason).toBe('connection refused')
    await db().site.update({ where: { id: siteId }, data: { connectionStatus: 'ok', connectionError: null } })
    await pass(new Date(now + 3000))
    expect(events('/reach')).toEqual(['site.unreachable', 'site.reachable'])
  })

  it('two runners evaluating at once write one event per change', async () => {
    const siteId = await h.addSite({ id: 'stale-race', name: 'Race site' })
    await db().site.update({ where: { id: siteId }, data: { maxBackupAgeHours: 1 } })
    const at = new Date(Date.now() + 5 * HOUR)
    await Promise.all([evaluateSiteAlerts(at), evaluateSiteAlerts(at), evaluateSiteAlerts(at)])
    expect(await db().notifyEvent.count({ where: { siteId, kind: 'site.stale' } })).toBe(1)
  })

  it('a site that stays unreachable is repeated at most every reminderHours per channel', async () => {
    const siteId = await h.addSite({ id: 'unreach-2', name: 'Gone dark' })
    for (const [name, hours] of [
      ['dark-fast', 1],
      ['dark-slow', 24],
    ] as const)
      await createChannel({
        name,
        type: 'webhook',
        target: `${hook.url}/${name}`,
        events: ['site.unreachable'],
        siteIds: [siteId],
        reminderHours: hours,
      })
    await db().site.update({
      where: { id: siteId },
      data: { connectionStatus: 'not_connected', connectionError: 'connection timed out' },
    })
    const t0 = Date.now()
    const reminders = (path: string) =>
      hook.received.filter((r) => r.path === path).map((r) => JSON.parse(r.body).details.reminder === true)
    await pass(new Date(t0))
    await pass(new Date(t0 + 30 * 60_000))
    expect(reminders('/dark-fast')).toEqual([false])
    expect(reminders('/dark-slow')).toEqual([false])
    await pass(new Date(t0 + HOUR + 1000))
    await pass(new Date(t0 + HOUR + 2000))
    expect(reminders('/dark-fast')).toEqual([false, true])
    expect(reminders('/dark-slow')).toEqual([false])
    for (let k = 2; k <= 23; k++) await pass(new Date(t0 + k * HOUR + 1000))
    expect(reminders('/dark-fast')).toHaveLength(24)
    expect(reminders('/dark-slow')).toEqual([false])
    await pass(new Date(t0 + 24 * HOUR + 1000))
    expect(reminders('/dark-slow')).toEqual([false, true])
    expect(JSON.parse(hook.received.filter((r) => r.path === '/dark-slow')[1].body).details.reason).toBe(
      'connection timed out',
    )
    // One event per hour at most for the site, whatever the number of passes.
    expect(await db().notifyEvent.count({ where: { siteId, kind: 'site.unreachable' } })).toBe(25)
  })

  it('schedule.skipped after STEPWISE_ALERT_SKIPS skips in a row, once per streak', async () => {
    const siteId = await h.addSite({ id: 'busy-1', name: 'Busy site' })
    await createChannel({
      name: 'skips',
      type: 'webhook',
      target: `${hook.url}/skips`,
      events: ['schedule.skipped'],
      siteIds: [siteId],
    })
    const tick = () => new Promise((r) => setTimeout(r, 5))
    // What a fire records when the site is still busy with an earlier run (lib/schedule/fire-occurrence.ts).
    const skip = async (busyRunId: string) => {
      await tick()
      await recordScheduleEvent('schedule.skipped', {
        scheduleId: 'nightly',
        scheduledFor: new Date(),
        siteId,
        runId: busyRunId,
        actor: 'stepwise',
        details: { reason: 'busy', siteName: 'Busy site' },
      })
    }
    const busy = await h.backup(siteId)
    await skip(busy.id)
    await skip(busy.id)
    await pass(new Date())
    expect(events('/skips')).toEqual([])
    await skip(busy.id)
    await pass(new Date())
    await skip(busy.id)
    await pass(new Date())
    await pass(new Date())
    expect(events('/skips')).toEqual(['schedule.skipped'])
    expect(JSON.parse(hook.received.find((r) => r.path === '/skips')!.body).details.skips).toBe(3)

    // The busy run ends and the next fire starts a backup: the streak is over, silently.
    await db().backupRun.update({ where: { id: busy.id }, data: { status: 'failed', finishedAt: new Date() } })
    await tick()
    const next = await h.backup(siteId)
    expect(next.id).not.toBe(busy.id)
    await pass(new Date())
    expect((await db().siteAlertState.findUnique({ where: { siteId } }))?.skipsAlerted).toBe(false)
    await skip(next.id)
    await skip(next.id)
    await pass(new Date())
    expect(events('/skips')).toEqual(['schedule.skipped'])
    // A new streak alerts again.
    await skip(next.id)
    await pass(new Date())
    expect(events('/skips')).toEqual(['schedule.skipped', 'schedule.skipped'])
  })
})
