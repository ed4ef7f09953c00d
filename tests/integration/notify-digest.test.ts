// The daily digest: due at STEPWISE_DIGEST_TIME in STEPWISE_DIGEST_TIMEZONE (not at that time in UTC),
// claimed once per day even with two runners, delivered through the outbox to smtp-server and read
// back with mailparser: the failure with the server's words, the stale site, the fleet's freshness.
// Time is a fake clock passed to the runner's notification pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { resetConfigForTests } from '@/lib/config'
import { nextFireAfter } from '@/lib/schedule/cron'
import { createChannel } from '@/lib/notify/channels'
import { runDigest } from '@/lib/notify/digest'
import { notifyPass } from '@/lib/notify/ticker'
import { startHarness, type Harness } from './helpers/engine-harness'
import { startSmtpReceiver, until, type SmtpReceiver } from './helpers/notify-receivers'

const HOUR = 3_600_000
let h: Harness
let smtp: SmtpReceiver

beforeAll(async () => {
  smtp = await startSmtpReceiver()
  process.env.STEPWISE_SMTP_URL = smtp.url
  process.env.STEPWISE_MAIL_FROM = 'Stepwise <alerts@example.test>'
  process.env.STEPWISE_PUBLIC_URL = 'https://backups.example.test'
  process.env.STEPWISE_DIGEST_TIME = '08:00'
  process.env.STEPWISE_DIGEST_TIMEZONE = 'America/New_York'
  h = await startHarness()
  resetConfigForTests()
})
afterAll(async () => {
  await h.close()
  await smtp.close()
  for (const k of [
    'STEPWISE_SMTP_URL',
    'STEPWISE_MAIL_FROM',
    'STEPWISE_PUBLIC_URL',
    'STEPWISE_DIGEST_TIME',
    'STEPWISE_DIGEST_TIMEZONE',
  ])
    delete process.env[k]
  resetConfigForTests()
})

describe(`daily digest on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('only e-mail channels for all sites can take the digest', async () => {
    await expect(
      createChannel({ name: 'hook', type: 'webhook', target: 'https://example.test/h', events: ['digest'] }),
    ).rejects.toThrow(/e-mail only/)
    await expect(
      createChannel({ name: 'A', type: 'email', target: 'a@example.test', events: ['digest'], tags: ['client-a'] }),
    ).rejects.toThrow(/every site/)
  })

  it('one digest at the configured time in the zone, once across two runners, with failures and stale sites', async () => {
    const failing = await h.addSite({ id: 'digest-fail', name: 'Client A shop', scenario: { failAtStart: true } })
    const good = await h.addSite({ id: 'digest-good', name: 'Healthy blog' })
    const quiet = await h.addSite({ id: 'digest-quiet', name: 'Quiet site' })
    await db().site.update({ where: { id: good }, data: { maxBackupAgeHours: 48 } })
    await db().site.update({ where: { id: quiet }, data: { maxBackupAgeHours: 2 } })
    await createChannel({ name: 'Digest', type: 'email', target: 'digest@example.test', events: ['digest'] })
    // Wants failures only: hears nothing of the digest.
    await createChannel({ name: 'Failures', type: 'email', target: 'fail@example.test', events: ['site.reachable'] })

    h.startRunner()
    const bad = await h.backup(failing)
    const ok = await h.backup(good)
    expect((await h.waitFor(bad.id)).status).toBe('failed')
    expect((await h.waitFor(ok.id)).status).toBe('succeeded')
    await h.runner?.stop(500)
    h.runner = null

    // The next 08:00 in New York at least 3 h away (13:00 or 12:00 UTC): the quiet site is stale by then.
    const fire = nextFireAfter('0 8 * * *', 'America/New_York', new Date(Date.now() + 3 * HOUR))!
    await db().backupRun.update({ where: { id: bad.id }, data: { finishedAt: new Date(fire.getTime() - HOUR) } })
    const serverWords = (await db().backupRun.findUnique({ where: { id: bad.id } }))!.errorMessage!
    expect(serverWords).toBeTruthy()

    // 08:00 UTC that day is not the time; nor is a minute before 08:00 in New York.
    const eightUtc = new Date(fire)
    eightUtc.setUTCHours(8, 0, 0, 0)
    expect(await runDigest(eightUtc)).toBe(false)
    expect(await runDigest(new Date(fire.getTime() - 60_000))).toBe(false)

    // Two runners reach the time together.
    await Promise.all([
      notifyPass('runner-a', fire, true),
      notifyPass('runner-b', new Date(fire.getTime() + 500), true),
    ])
    await notifyPass('runner-a', new Date(fire.getTime() + 60_000), true)
    await until(() => smtp.mails.length >= 1, 'the digest e-mail')
    await notifyPass('runner-b', new Date(fire.getTime() + 2 * HOUR), true)
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.mails).toHaveLength(1)
    expect(await db().notifyEvent.count({ where: { kind: 'digest' } })).toBe(1)
    expect(await db().notifyDelivery.count({ where: { kind: 'digest' } })).toBe(1)

    const m = smtp.mails[0]
    const to = Array.isArray(m.to) ? m.to[0] : m.to
    expect(to?.text).toBe('digest@example.test')
    expect(m.subject).toMatch(/^\[Stepwise\] Daily digest \d{4}-\d{2}-\d{2}: 1 failure, 1 stale, 1\/3 fresh$/)
    const text = m.text ?? ''
    expect(text).toContain('1 of 3 sites backed up within their maximum age (33%)')
    expect(text).toContain('Client A shop')
    expect(text).toContain(serverWords)
    expect(text).toContain(`https://backups.example.test/runs/${bad.id}`)
    expect(text).toContain('Quiet site')
    expect(text).toContain(`https://backups.example.test/sites/${quiet}`)
    expect(text).not.toContain('Healthy blog')
    const html = String(m.html)
    expect(html).toContain('name="viewport"')
    expect(html).toContain(`href="https://backups.example.test/runs/${bad.id}"`)
    expect(html).toContain(`href="https://backups.example.test/sites/${quiet}"`)

    // The next day has its own digest.
    expect(await runDigest(new Date(fire.getTime() + 24 * HOUR))).toBe(true)
    expect(await runDigest(new Date(fire.getTime() + 24 * HOUR + 1000))).toBe(false)
  })
})
