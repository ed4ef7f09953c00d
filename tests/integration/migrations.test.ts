// Every migration applies to a fresh database of this leg's kind, and every model works through the
// generated client: catches drift between schema.prisma and the SQL files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadMigrations, migrate } from '@/lib/db/migrate'
import { freshDatabase, db, type TestDb } from './helpers/test-db'

let t: TestDb
beforeAll(async () => {
  t = await freshDatabase()
})
afterAll(async () => {
  await t.cleanup()
})

describe(`migrations on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('books every migration once, with Prisma-style checksums', async () => {
    const files = loadMigrations(t.kind)
    expect(files.length).toBeGreaterThanOrEqual(2)
    const rows = await db().$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    )
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name))
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum))
    const again = await migrate(t.url)
    expect(again.applied).toEqual([])
  })

  it('touches every model', async () => {
    const d = db()
    const site = await d.site.create({
      data: {
        name: 'A',
        baseUrl: 'https://a.test',
        keyCiphertext: 'v1:x',
        hostKey: 'host:a.test',
        profiles: { create: [{ remoteId: 1, name: 'Default' }] },
      },
    })
    expect(await d.profile.count({ where: { siteId: site.id } })).toBe(1)
    const sched = await d.schedule.create({
      data: { name: 'nightly', siteId: site.id, cron: '0 3 * * *', timezone: 'Europe/Berlin' },
    })
    const run = await d.backupRun.create({
      data: { siteId: site.id, hostKey: site.hostKey, scheduleId: sched.id, scheduledFor: new Date() },
    })
    await d.backupStep.create({
      data: {
        runId: run.id,
        seq: 1,
        call: 'startBackup',
        httpStatus: 200,
        durationMs: 5,
        rawBody: '{}',
        warnings: '["w"]',
      },
    })
    await d.archive.create({
      data: { siteId: site.id, remoteId: 5, runId: run.id, status: 'complete', totalSize: 5_000_000_000n },
    })
    await d.auditEvent.create({ data: { action: 'test', siteId: site.id } })
    await d.runnerHeartbeat.create({
      data: { id: 'r1', kind: 'test', pid: 1, host: 'h', startedAt: new Date(), lastSeenAt: new Date() },
    })
    const full = await d.backupRun.findUniqueOrThrow({
      where: { id: run.id },
      include: { steps: true, archive: true, schedule: true, site: true },
    })
    expect(full.steps).toHaveLength(1)
    expect(full.archive?.totalSize).toBe(5_000_000_000n)
    expect(full.schedule?.timezone).toBe('Europe/Berlin')
    await d.backupRun.update({ where: { id: run.id }, data: { status: 'succeeded', progress: 100 } })
    await d.site.delete({ where: { id: site.id } })
    expect(await d.backupRun.count()).toBe(0)
    expect(await d.archive.count()).toBe(0)
    expect(await d.auditEvent.count()).toBe(1)
  })

  it('refuses a second running backup on one site (partial unique index)', async () => {
    const d = db()
    const site = await d.site.create({
      data: { name: 'B', baseUrl: 'https://b.test', keyCiphertext: 'v1:x', hostKey: 'host:b.test' },
    })
    await d.backupRun.create({ data: { siteId: site.id, hostKey: site.hostKey, status: 'running' } })
    await expect(
      d.backupRun.create({ data: { siteId: site.id, hostKey: site.hostKey, status: 'running' } }),
    ).rejects.toThrow()
    await d.backupRun.create({ data: { siteId: site.id, hostKey: site.hostKey, status: 'queued' } })
    expect(await d.backupRun.count({ where: { siteId: site.id } })).toBe(2)
  })
})
