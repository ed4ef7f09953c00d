// Alerts end to end: channels through the HTTP API, a failing fake site → one signed run.failed
// webhook and one e-mail (smtp-server + mailparser in the test), Slack/Discord/ntfy bodies in their
// formats, retries with back-off ending as failed with the receiver's answer, and two dispatchers
// never sending one delivery twice.
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { resetConfigForTests } from '@/lib/config'
import { notifyTicker } from '@/lib/notify/ticker'
import { dispatchDue } from '@/lib/notify/dispatch'
import { fanOutPending } from '@/lib/notify/fan-out'
import { insertNotifyEvent } from '@/lib/db/notify-events'
import * as channelsRoute from '@/app/api/channels/route'
import * as channelRoute from '@/app/api/channels/[id]/route'
import * as testRoute from '@/app/api/channels/[id]/test/route'
import * as deliveriesRoute from '@/app/api/deliveries/route'
import { startHarness, type Harness } from './helpers/engine-harness'
import { bearerFor } from './helpers/auth'
import {
  startHttpReceiver,
  startSmtpReceiver,
  until,
  type HttpReceiver,
  type SmtpReceiver,
} from './helpers/notify-receivers'

let h: Harness
let hook: HttpReceiver
let smtp: SmtpReceiver
let admin: string
let viewer: string

beforeAll(async () => {
  hook = await startHttpReceiver()
  smtp = await startSmtpReceiver()
  process.env.STEPWISE_SMTP_URL = smtp.url
  process.env.STEPWISE_MAIL_FROM = 'Stepwise <alerts@example.test>'
  process.env.STEPWISE_PUBLIC_URL = 'https://backups.example.test'
  process.env.STEPWISE_NOTIFY_RETRY_FIRST_MS = '100'
  process.env.STEPWISE_NOTIFY_MAX_ATTEMPTS = '3'
  h = await startHarness()
  resetConfigForTests()
  admin = await bearerFor('admin')
  viewer = await bearerFor('viewer')
})
afterAll(async () => {
  await h.close()
  await hook.close()
  await smtp.close()
  for (const k of [
    'STEPWISE_SMTP_URL',
    'STEPWISE_MAIL_FROM',
    'STEPWISE_PUBLIC_URL',
    'STEPWISE_NOTIFY_RETRY_FIRST_MS',
    'STEPWISE_NOTIFY_MAX_ATTEMPTS',
  ])
    delete process.env[k]
  resetConfigForTests()
})

const call = (
  handler: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>,
  method: string,
  opts: { body?: unknown; params?: Record<string, string>; query?: string; auth?: string } = {},
) =>
  handler(
    new Request(`http://127.0.0.1:3000/api/x${opts.query ?? ''}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: opts.auth ?? admin },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    }),
    { params: Promise.resolve(opts.params ?? {}) as Promise<never> },
  )

async function createChannel(body: Record<string, unknown>) {
  const res = await call(channelsRoute.POST, 'POST', { body })
  expect(res.status).toBe(201)
  return (await res.json()) as { channel: { id: string; hasSecret: boolean }; secret?: string }
}

describe(`notifications on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  let webhookSecret = ''
  let webhookId = ''

  it('channels API: admin only, secret returned once, validation names the field', async () => {
    expect((await call(channelsRoute.GET, 'GET', { auth: viewer })).status).toBe(403)
    const bad = await call(channelsRoute.POST, 'POST', {
      body: { name: 'x', type: 'email', target: 'not-an-address', events: ['run.failed'] },
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('target')

    const made = await createChannel({
      name: 'Ops hook',
      type: 'webhook',
      target: `${hook.url}/hook`,
      events: ['run.failed', 'run.succeeded', 'site.stale'],
    })
    expect(made.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    webhookSecret = made.secret!
    webhookId = made.channel.id
    const listed = await (await call(channelsRoute.GET, 'GET')).text()
    expect(listed).toContain('Ops hook')
    expect(listed).not.toContain(webhookSecret)
    expect(listed).not.toContain('secretEncrypted')
    const one = await (await call(channelRoute.GET, 'GET', { params: { id: webhookId } })).text()
    expect(one).not.toContain(webhookSecret)
    expect(JSON.parse(one).channel.hasSecret).toBe(true)

    const mail = await createChannel({
      name: 'Ops mail',
      type: 'email',
      target: 'ops@example.test, boss@example.test',
      events: ['run.failed'],
    })
    expect(mail.secret).toBeUndefined()

    const patched = await call(channelRoute.PATCH, 'PATCH', {
      params: { id: mail.channel.id },
      body: { reminderHours: 12 },
    })
    expect(patched.status).toBe(200)
    expect(((await patched.json()) as { channel: { reminderHours: number } }).channel.reminderHours).toBe(12)
    expect((await call(channelRoute.GET, 'GET', { params: { id: 'nope' } })).status).toBe(404)
  })

  it('a failing site produces one signed run.failed webhook and one e-mail, and nothing more', async () => {
    const siteId = await h.addSite({ id: 'notify-fail', name: 'Client A shop', scenario: { failAtStart: true } })
    const other = await h.addSite({ id: 'notify-other', name: 'Other' })
    // A channel scoped to another site hears nothing of this one.
    await createChannel({
      name: 'Scoped',
      type: 'webhook',
      target: `${hook.url}/scoped`,
      events: ['run.failed'],
      siteIds: [other],
    })
    h.startRunner({ onLoop: notifyTicker(20) })
    const run = await h.backup(siteId)
    expect((await h.waitFor(run.id)).status).toBe('failed')

    const got = (await until(() => hook.received.find((r) => r.path === '/hook'), 'the webhook'))!
    await until(() => smtp.mails.length >= 1, 'the e-mail')
    // Quiet for a while: nothing is sent twice.
    await new Promise((r) => setTimeout(r, 600))
    expect(hook.received.filter((r) => r.path === '/hook')).toHaveLength(1)
    expect(hook.received.filter((r) => r.path === '/scoped')).toHaveLength(0)
    expect(smtp.mails).toHaveLength(1)

    const expected = `sha256=${createHmac('sha256', webhookSecret).update(got.body).digest('hex')}`
    expect(got.headers['x-stepwise-signature']).toBe(expected)
    expect(got.headers['x-stepwise-event']).toBe('run.failed')
    expect(got.headers['x-stepwise-delivery']).toMatch(/\w+/)
    const body = JSON.parse(got.body)
    expect(Object.keys(body).sort()).toEqual(['details', 'event', 'id', 'occurredAt', 'run', 'site'])
    expect(body).toMatchObject({
      event: 'run.failed',
      site: { id: siteId, name: 'Client A shop', url: h.fleet.url('notify-fail') },
      run: { id: run.id, status: 'failed', url: `https://backups.example.test/runs/${run.id}` },
    })
    expect(Object.keys(body.run).sort()).toEqual(
      [
        'archiveName',
        'errorKind',
        'errorMessage',
        'finishedAt',
        'id',
        'startedAt',
        'status',
        'url',
        'warningsCount',
      ].sort(),
    )

    const m = smtp.mails[0]
    expect(m.subject).toBe('[Stepwise] Backup failed: Client A shop')
    expect(m.from?.text).toContain('alerts@example.test')
    expect(m.text).toContain('The backup of Client A shop')
    expect(m.text).toContain(`https://backups.example.test/runs/${run.id}`)
    expect(String(m.html)).toContain(`href="https://backups.example.test/runs/${run.id}"`)
    expect(String(m.html)).toContain('Open the run')

    const list = await call(deliveriesRoute.GET, 'GET', { query: `?channelId=${webhookId}&status=sent` })
    const { deliveries } = (await list.json()) as {
      deliveries: { event: string; status: string; lastAnswer: string; attempts: number }[]
    }
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]).toMatchObject({ event: 'run.failed', status: 'sent', attempts: 1 })
    expect(deliveries[0].lastAnswer).toContain('200')
    await h.runner?.stop(500)
    h.runner = null
  })

  it('Slack, Discord and ntfy get their own documented formats', async () => {
    const slack = await createChannel({
      name: 'Slack',
      type: 'slack',
      target: `${hook.url}/slack`,
      events: ['run.failed'],
    })
    const discord = await createChannel({
      name: 'Discord',
      type: 'discord',
      target: `${hook.url}/discord`,
      events: ['run.failed'],
    })
    const ntfy = await createChannel({
      name: 'ntfy',
      type: 'ntfy',
      target: `${hook.url}/ntfy-topic`,
      events: ['run.failed'],
    })
    const site = await db().site.findFirstOrThrow({ where: { name: 'Client A shop' } })
    // A second failure of the still-failing site.
    const failed = await db().backupRun.create({
      data: {
        siteId: site.id,
        hostKey: site.hostKey,
        status: 'failed',
        errorKind: 'backup_error',
        errorMessage: 'disk full',
        startedAt: new Date(),
        finishedAt: new Date(),
      },
    })
    // A second failure of a still-failing site is a reminder: muted for channels told within reminderHours,
    // so these new channels (told nothing yet) get it and the first webhook does not.
    await insertNotifyEvent({ kind: 'run.failed', siteId: site.id, runId: failed.id })
    await fanOutPending()
    await dispatchDue('t1')
    const s = hook.received.find((r) => r.path === '/slack')!
    const d = hook.received.find((r) => r.path === '/discord')!
    const n = hook.received.find((r) => r.path === '/ntfy-topic')!
    expect(s.headers['content-type']).toContain('application/json')
    const sb = JSON.parse(s.body)
    expect(sb.text).toBe('Backup failed: Client A shop')
    expect(sb.blocks.map((b: { type: string }) => b.type)).toEqual(['header', 'section', 'actions'])
    expect(sb.blocks[2].elements[0]).toMatchObject({
      type: 'button',
      url: `https://backups.example.test/runs/${failed.id}`,
    })
    const db_ = JSON.parse(d.body)
    expect(db_.embeds[0]).toMatchObject({
      title: 'Backup failed: Client A shop',
      color: 0xdc2626,
      url: `https://backups.example.test/runs/${failed.id}`,
    })
    expect(db_.allowed_mentions).toEqual({ parse: [] })
    expect(n.headers['content-type']).toContain('text/plain')
    expect(n.headers.title).toBe('Backup failed: Client A shop')
    expect(n.headers.priority).toBe('4')
    expect(n.headers.tags).toBe('rotating_light')
    expect(n.headers.click).toBe(`https://backups.example.test/runs/${failed.id}`)
    expect(n.body).toContain('The backup of Client A shop')
    expect(hook.received.filter((r) => r.path === '/hook')).toHaveLength(1)
    for (const c of [slack, discord, ntfy]) await call(channelRoute.DELETE, 'DELETE', { params: { id: c.channel.id } })
  })

  it('retries with back-off, then ends as failed with the answer; Send test reports the answer', async () => {
    const bad = await createChannel({
      name: 'Broken',
      type: 'webhook',
      target: `${hook.url}/broken`,
      events: ['site.stale'],
    })
    hook.answer = (r) => (r.path === '/broken' ? 503 : 200)
    const site = await db().site.findFirstOrThrow({ where: { name: 'Other' } })
    await insertNotifyEvent({ kind: 'site.stale', siteId: site.id, details: { maxAgeHours: 1 } })
    await fanOutPending()
    const times: number[] = []
    await until(async () => {
      await dispatchDue('t1')
      const n = hook.received.filter((r) => r.path === '/broken').length
      if (n > times.length) times.push(Date.now())
      return (await db().notifyDelivery.count({ where: { channelId: bad.channel.id, status: 'failed' } })) === 1
    }, 'the delivery to end as failed')
    expect(times).toHaveLength(3)
    // Waits double: ≥ 100 ms, then ≥ 200 ms.
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(90)
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(190)
    const row = await db().notifyDelivery.findFirstOrThrow({ where: { channelId: bad.channel.id } })
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 503 })
    expect(row.lastAnswer).toContain('receiver says no')

    const t = await call(testRoute.POST, 'POST', { params: { id: bad.channel.id } })
    expect(((await t.json()) as { result: { ok: boolean; status: number } }).result).toMatchObject({
      ok: false,
      status: 503,
    })
    hook.answer = () => 200
    const t2 = await call(testRoute.POST, 'POST', { params: { id: webhookId } })
    expect(((await t2.json()) as { result: { ok: boolean } }).result.ok).toBe(true)
    const testHit = hook.received.filter((r) => r.path === '/hook').at(-1)!
    expect(JSON.parse(testHit.body).event).toBe('test')
  })

  it('two dispatchers racing over many deliveries send each exactly once', async () => {
    const site = await db().site.findFirstOrThrow({ where: { name: 'Other' } })
    const race = await createChannel({
      name: 'Race',
      type: 'webhook',
      target: `${hook.url}/race`,
      events: ['site.recovered'],
    })
    for (let i = 0; i < 40; i++) await insertNotifyEvent({ kind: 'site.recovered', siteId: site.id })
    await Promise.all([fanOutPending(), fanOutPending()])
    expect(await db().notifyDelivery.count({ where: { channelId: race.channel.id } })).toBe(40)
    const drain = async (owner: string) => {
      while ((await dispatchDue(owner, new Date(), 5)) > 0);
    }
    await Promise.all([drain('runner-a'), drain('runner-b'), drain('runner-c')])
    const hits = hook.received.filter((r) => r.path === '/race')
    expect(hits).toHaveLength(40)
    expect(new Set(hits.map((r) => r.headers['x-stepwise-delivery'])).size).toBe(40)
    expect(await db().notifyDelivery.count({ where: { channelId: race.channel.id, status: 'sent' } })).toBe(40)
  })

  it('the address of a URL channel never goes back out (it is the credential); an edit without it keeps it', async () => {
    const made = await createChannel({
      name: 'Slack secret',
      type: 'slack',
      target: `${hook.url}/services/T0/B0/SeCrEt`,
      events: ['run.failed'],
    })
    const shown = made.channel as unknown as { target: string; targetMasked: boolean }
    expect(shown.targetMasked).toBe(true)
    expect(shown.target).not.toContain('SeCrEt')
    const list = await (await call(channelsRoute.GET, 'GET')).text()
    expect(list).not.toContain('SeCrEt')
    const patched = await call(channelRoute.PATCH, 'PATCH', {
      params: { id: made.channel.id },
      body: { name: 'Slack (renamed)' },
    })
    expect(patched.status).toBe(200)
    const row = await db().notifyChannel.findUniqueOrThrow({ where: { id: made.channel.id } })
    expect(row.target).toBe(`${hook.url}/services/T0/B0/SeCrEt`)
    const email = await createChannel({
      name: 'Ops',
      type: 'email',
      target: 'ops@example.test',
      events: ['run.failed'],
    })
    expect((email.channel as unknown as { target: string }).target).toBe('ops@example.test')
  })
})
