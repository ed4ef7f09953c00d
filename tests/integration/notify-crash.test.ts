// kill -9 between the commit and the send: the run's terminal state and its alert are one
// transaction, so a process killed right after the commit still delivers after a restart, exactly
// once. And a sender killed while the receiver had not answered yet sends again (same delivery id)
// once its claim runs out, then never again.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { createChannel } from '@/lib/notify/channels'
import { notifyPass } from '@/lib/notify/ticker'
import { startHarness, type Harness } from './helpers/engine-harness'
import { killHard, spawnWorker } from './helpers/worker-process'
import { startHttpReceiver, until, type HttpReceiver } from './helpers/notify-receivers'

const root = path.resolve(import.meta.dirname, '../..')
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

describe(`alerts survive kill -9 on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('committed in a process killed before sending → delivered once after restart', async () => {
    const siteId = await h.addSite({ id: 'crash-notify', name: 'Crashy' })
    await createChannel({ name: 'hook', type: 'webhook', target: `${hook.url}/c1`, events: ['run.failed'] })
    const site = await db().site.findUniqueOrThrow({ where: { id: siteId } })
    const run = await db().backupRun.create({
      data: {
        siteId,
        hostKey: site.hostKey,
        status: 'running',
        startedAt: new Date(),
        leaseOwner: 'dying-runner',
        leaseUntil: new Date(Date.now() + 60_000),
      },
    })
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'tests/integration/notify-crash-child.ts'),
        run.id,
        'dying-runner',
        '0',
        siteId,
      ],
      {
        cwd: root,
        env: { ...process.env, ...h.db.env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
    const signal = await new Promise<string | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)))
    expect(signal).toBe('SIGKILL')
    expect(out).toContain('committed')
    expect(await db().backupRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'failed' })
    expect(hook.received.filter((r) => r.path === '/c1')).toHaveLength(0)

    // The restart: a runner's notification passes.
    for (let i = 0; i < 5; i++) await notifyPass('restarted')
    const hits = hook.received.filter((r) => r.path === '/c1')
    expect(hits).toHaveLength(1)
    expect(JSON.parse(hits[0].body)).toMatchObject({
      event: 'run.failed',
      run: { id: run.id, errorMessage: 'disk full' },
    })
  })

  it('a worker killed while the receiver has not answered: sent again after its claim expires, then never again', async () => {
    const siteId = await h.addSite({ id: 'crash-notify-2', name: 'Crashy 2', scenario: { failAtStart: true } })
    const ch2 = await createChannel({
      name: 'hook2',
      type: 'webhook',
      target: `${hook.url}/c2`,
      events: ['run.failed'],
    })
    // The first request is never answered: the worker dies while waiting.
    let first = true
    hook.answer = (r) => {
      if (r.path !== '/c2' || !first) return 200
      first = false
      return 'hang'
    }
    const run = await h.backup(siteId)
    const w = spawnWorker(h.db.env)
    await until(() => hook.received.some((r) => r.path === '/c2'), 'the first attempt', 60_000)
    await killHard(w)
    const d = await db().notifyDelivery.findFirstOrThrow({
      where: { kind: 'run.failed', siteId, channelId: ch2.channel.id },
    })
    expect(d).toMatchObject({ status: 'pending', attempts: 0 })
    expect(d.leaseOwner).not.toBeNull()
    // The restart, after the claim ran out.
    const later = new Date(d.leaseUntil!.getTime() + 1)
    for (let i = 0; i < 3; i++) await notifyPass('restarted', later)
    const hits = hook.received.filter((r) => r.path === '/c2')
    expect(hits).toHaveLength(2)
    expect(hits[1].status).toBe(200)
    expect(hits[0].headers['x-stepwise-delivery']).toBe(hits[1].headers['x-stepwise-delivery'])
    expect(JSON.parse(hits[1].body).run.id).toBe(run.id)
    expect(await db().notifyDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      status: 'sent',
      attempts: 1,
    })
  })
})
