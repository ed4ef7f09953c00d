// The client report from seeded runs and records: the numbers per site and for the fleet, through
// GET /api/reports as a viewer, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as reportRoute } from '@/app/api/reports/route'
import { db } from '@/lib/db/client'
import type { ClientReport } from '@/lib/reports/types'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { bearerFor } from './helpers/auth'

let t: TestDb
let viewer = ''
const H = 3_600_000
const D = 24 * H
const nov = (day: number, hour = 2) => new Date(Date.UTC(2026, 10, day, hour))

async function site(name: string, tags: string[], extra: object = {}) {
  return db().site.create({
    data: {
      name,
      baseUrl: `https://${name}.test`,
      keyCiphertext: 'v1:x',
      hostKey: `host:${name}`,
      connectionStatus: 'ok',
      tags: JSON.stringify(tags),
      maxBackupAgeHours: 48,
      createdAt: new Date(Date.UTC(2026, 0, 1)),
      ...extra,
    },
  })
}
let remote = 0
async function run(siteId: string, status: string, finishedAt: Date, size: number | null = null) {
  const r = await db().backupRun.create({
    data: {
      siteId,
      hostKey: 'h',
      status,
      startedAt: new Date(finishedAt.getTime() - 5 * 60_000),
      finishedAt,
      trigger: 'schedule',
    },
  })
  if (size !== null)
    await db().archive.create({
      data: {
        siteId,
        runId: r.id,
        remoteId: ++remote,
        status: 'complete',
        meta: 'ok',
        totalSize: BigInt(size),
        backupEnd: finishedAt,
      },
    })
  return r
}

beforeAll(async () => {
  t = await freshDatabase()
  viewer = await bearerFor('viewer')
  const a = await site('alpha', ['client-a', 'shop'])
  const b = await site('beta', ['Client-A'])
  const other = await site('other', ['client-b'])
  // alpha: 3 good (1, 2 and 3 GB-ish sizes), 1 failed, 1 timed out, 1 cancelled (not counted), 1 in October, 1 in December.
  await run(a.id, 'succeeded', nov(1), 1_000)
  await run(a.id, 'failed', nov(2))
  await run(a.id, 'succeeded', nov(3), 3_000)
  await run(a.id, 'timed_out', nov(4))
  await run(a.id, 'cancelled', nov(5))
  await run(a.id, 'succeeded', nov(20), 2_000)
  await run(a.id, 'succeeded', new Date(Date.UTC(2026, 9, 31, 12)), 999)
  await run(a.id, 'succeeded', new Date(Date.UTC(2026, 11, 1, 0, 30)), 999)
  // beta: one record the site made itself (no run), one still running, none of ours.
  await db().archive.create({
    data: {
      siteId: b.id,
      runId: null,
      remoteId: ++remote,
      status: 'complete',
      meta: 'ok',
      totalSize: BigInt(5_000),
      backupStart: nov(10, 1),
      backupEnd: nov(10),
    },
  })
  await db().backupRun.create({ data: { siteId: b.id, hostKey: 'h', status: 'running', startedAt: nov(11) } })
  await run(other.id, 'succeeded', nov(5), 77_777)
})
afterAll(async () => {
  await t.cleanup()
})

const get = (qs: string, auth = viewer) =>
  reportRoute(new Request(`http://stepwise.test/api/reports?${qs}`, { headers: { authorization: auth } }), {
    params: Promise.resolve({}),
  })

describe('client report', () => {
  it('counts the period per site and for the tag (case-insensitive), nothing of other tags', async () => {
    const res = await get('tag=client-a&from=2026-11-01&to=2026-11-30')
    expect(res.status).toBe(200)
    const { report } = (await res.json()) as { report: ClientReport }
    expect(report.from).toBe('2026-11-01T00:00:00.000Z')
    expect(report.to).toBe('2026-12-01T00:00:00.000Z')
    expect(report.sites.map((s) => s.name)).toEqual(['alpha', 'beta'])
    const [alpha, beta] = report.sites
    expect(alpha).toMatchObject({
      backups: 5,
      succeeded: 3,
      failed: 2,
      successRate: 0.6,
      totalBytes: 6_000,
      minBytes: 1_000,
      maxBytes: 3_000,
      latestBytes: 2_000,
      lastGoodAt: nov(20).toISOString(),
      state: 'too_old',
    })
    expect(alpha.lastBackups.map((x) => x.status)).toEqual([
      'succeeded',
      'timed_out',
      'succeeded',
      'failed',
      'succeeded',
    ])
    expect(alpha.lastBackups[0]).toMatchObject({ sizeBytes: 2_000, durationMs: 5 * 60_000, source: 'stepwise' })
    // Oct 31 12:00 covers to Nov 2 12:00, Nov 1 → Nov 3 02:00, Nov 3 → Nov 5 02:00, Nov 20 → Nov 22 02:00: 4d2h + 2d of 30d.
    expect(alpha.freshShare).toBeCloseTo((4 * D + 2 * H + 2 * D) / (30 * D), 5)
    expect(beta).toMatchObject({
      backups: 1,
      succeeded: 1,
      failed: 0,
      successRate: 1,
      totalBytes: 5_000,
      state: 'too_old',
    })
    expect(beta.lastBackups[0]).toMatchObject({ source: 'site', durationMs: H })
    expect(report.totals).toMatchObject({ sites: 2, backups: 6, succeeded: 4, failed: 2, totalBytes: 11_000 })
    expect(report.totals.successRate).toBeCloseTo(4 / 6)
    expect(report.totals.states).toEqual({ ok: 0, too_old: 2, failed: 0, never: 0 })
    expect(JSON.stringify(report)).not.toContain('keyCiphertext')
  })

  it('takes ISO instants, and an unknown tag is an empty report', async () => {
    const r = (await (await get('tag=client-a&from=2026-11-19T00:00:00Z&to=2026-11-21T00:00:00Z')).json()).report
    expect(r.sites[0]).toMatchObject({ backups: 1, state: 'ok' })
    const none = (await (await get('tag=nobody&from=2026-11-01&to=2026-11-30')).json()).report
    expect(none.totals).toMatchObject({ sites: 0, backups: 0, successRate: null })
  })

  it('400 names the parameter; 401 without a token', async () => {
    for (const [qs, field] of [
      ['from=2026-11-01&to=2026-11-30', 'tag'],
      ['tag=a&from=bad&to=2026-11-30', 'from'],
      ['tag=a&from=2026-11-30&to=2026-11-01', 'to'],
      ['tag=a%00b&from=2026-11-01&to=2026-11-30', 'tag'],
    ]) {
      const res = await get(qs)
      expect(res.status, qs).toBe(400)
      expect((await res.json()).error.field, qs).toBe(field)
    }
    expect((await get('tag=a&from=2026-11-01&to=2026-11-30', '')).status).toBe(401)
  })
})
