// The retention policies API through its route handlers (viewer reads, admin writes, 400 naming the
// field, audited), the daily sweep's once-per-day claim, and raw step compaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { bearerFor } from './helpers/auth'
import * as list from '@/app/api/retention-policies/route'
import * as one from '@/app/api/retention-policies/[id]/route'
import * as preview from '@/app/api/retention-policies/[id]/preview/route'
import { claimSweepDay, finishSweep, touchSweep } from '@/lib/db/retention-sweeps'
import { compactRawSteps, dueSweepDay, retentionTicker } from '@/lib/retention/sweep'
import { resetConfigForTests } from '@/lib/config'
import { until } from './helpers/notify-receivers'
import { buildRunLog } from '@/lib/runs/run-log'
import { db } from '@/lib/db/client'

let tdb: TestDb
let admin: string
let viewer: string

beforeAll(async () => {
  tdb = await freshDatabase()
  admin = await bearerFor('admin')
  viewer = await bearerFor('viewer')
})

afterAll(async () => {
  await tdb?.cleanup()
})

type H = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>

async function call(h: unknown, method: string, auth: string, body?: unknown, id = '') {
  const req = new Request(`http://127.0.0.1:3000/api/retention-policies/${id}`, {
    method,
    headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const res = await (h as H)(req, { params: Promise.resolve({ id }) })
  return { status: res.status, body: (await res.json()) as Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe(`retention policies API on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  it('creates, reads, changes and deletes a policy; each change audited', async () => {
    const bad = await call(list.POST, 'POST', admin, { name: 'Nothing kept' })
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', field: 'keepLast' } } })
    const badAction = await call(list.POST, 'POST', admin, { name: 'x', keepLast: 3, action: 'shred' })
    expect(badAction.body.error.field).toBe('action')
    const zero = await call(list.POST, 'POST', admin, { name: 'x', keepLast: 0 })
    expect(zero.body.error.field).toBe('keepLast')
    expect((await call(list.POST, 'POST', viewer, { name: 'v', keepLast: 1 })).status).toBe(403)

    const made = await call(list.POST, 'POST', admin, {
      name: 'Nightly',
      tags: ['client-a'],
      keepLast: 7,
      keepWeekly: 4,
    })
    expect(made.status).toBe(201)
    const p = made.body.policy
    expect(p).toMatchObject({
      name: 'Nightly',
      tags: ['client-a'],
      siteIds: [],
      keepLast: 7,
      keepDays: null,
      keepWeekly: 4,
      keepMonthly: null,
      action: 'delete_files',
      includeForeign: false,
      enabled: true,
    })
    expect((await call(list.GET, 'GET', viewer)).body.policies.map((x: { id: string }) => x.id)).toEqual([p.id])
    expect((await call(one.GET, 'GET', viewer, undefined, p.id)).body.policy.id).toBe(p.id)

    const patched = await call(one.PATCH, 'PATCH', admin, { keepLast: null, action: 'delete_records' }, p.id)
    expect(patched.body.policy).toMatchObject({ keepLast: null, keepWeekly: 4, action: 'delete_records' })
    const none = await call(one.PATCH, 'PATCH', admin, { keepWeekly: null }, p.id)
    expect(none).toMatchObject({ status: 400, body: { error: { field: 'keepLast' } } })
    expect((await call(one.PATCH, 'PATCH', admin, { bogus: 1 }, p.id)).status).toBe(400)

    const pv = await call(preview.GET, 'GET', viewer, undefined, p.id)
    expect(pv).toMatchObject({ status: 200, body: { remove: [], keep: [], summary: { removeCount: 0, bytes: 0 } } })

    expect((await call(one.DELETE, 'DELETE', admin, undefined, p.id)).body).toEqual({ deleted: true })
    expect((await call(one.GET, 'GET', viewer, undefined, p.id)).status).toBe(404)
    const actions = (await db().auditEvent.findMany({ where: { action: { startsWith: 'retention_policy.' } } })).map(
      (a) => a.action,
    )
    expect(actions.sort()).toEqual(['retention_policy.created', 'retention_policy.deleted', 'retention_policy.updated'])
  })
})

describe('the daily sweep', () => {
  it('is due after its UTC time and claimed by exactly one of several processes', async () => {
    expect(dueSweepDay(new Date('2026-12-02T03:29:00Z'), '03:30')).toBeNull()
    expect(dueSweepDay(new Date('2026-12-02T03:30:00Z'), '03:30')).toBe('2026-12-02')
    expect(dueSweepDay(new Date('2026-12-02T23:00:00Z'), 'off')).toBeNull()
    const claims = await Promise.all(['a', 'b', 'c', 'd'].map((o) => claimSweepDay('2026-12-02', o, 60_000)))
    expect(claims.filter(Boolean)).toHaveLength(1)
    const winner = ['a', 'b', 'c', 'd'][claims.indexOf(true)]
    expect(await touchSweep('2026-12-02', winner)).toBe(true)
    // A silent claim is taken over; the old owner then knows it lost it.
    await new Promise((r) => setTimeout(r, 5))
    expect(await claimSweepDay('2026-12-02', 'e', 0)).toBe(true)
    expect(await touchSweep('2026-12-02', winner)).toBe(false)
    await finishSweep('2026-12-02', 'e', {})
    expect(await claimSweepDay('2026-12-02', 'f', 0)).toBe(false)
  })
})

describe('the runner-loop ticker', () => {
  it("starts the day's sweep in exactly one of several runners, once", async () => {
    process.env.STEPWISE_RETENTION_SWEEP_AT = '00:00'
    resetConfigForTests()
    const day = new Date().toISOString().slice(0, 10)
    await db().retentionSweep.deleteMany({ where: { day } })
    const tickers = ['r1', 'r2', 'r3'].map((o) => retentionTicker(o))
    await Promise.all(tickers.map((t) => t()))
    await Promise.all(tickers.map((t) => t()))
    const row = await until(async () => {
      const r = await db().retentionSweep.findUnique({ where: { day } })
      return r?.finishedAt ? r : undefined
    }, 'the sweep to finish')
    expect(['r1', 'r2', 'r3']).toContain(row!.owner)
    expect(JSON.parse(row!.summary)).toMatchObject({ sites: 0, removed: 0 })
    expect(await db().retentionSweep.count()).toBe(1)
    delete process.env.STEPWISE_RETENTION_SWEEP_AT
    resetConfigForTests()
  })
})

describe('raw step compaction', () => {
  it('empties raw bodies of runs that ended more than N days ago; parsed fields and the log stay', async () => {
    const site = await db().site.create({
      data: { name: 'Raw', baseUrl: 'https://raw.example', keyCiphertext: 'x', hostKey: 'raw.example' },
    })
    const mk = async (daysAgo: number) => {
      const at = new Date(Date.now() - daysAgo * 86_400_000)
      const run = await db().backupRun.create({
        data: { siteId: site.id, hostKey: 'raw.example', status: 'succeeded', startedAt: at, finishedAt: at },
      })
      for (let seq = 1; seq <= 3; seq++)
        await db().backupStep.create({
          data: {
            runId: run.id,
            seq,
            call: 'stepBackup',
            domain: 'Packing',
            progress: seq * 30,
            warnings: seq === 2 ? '["disk almost full"]' : '[]',
            httpStatus: 200,
            durationMs: 10,
            rawBody: `{"status":200,"data":"raw ${seq}"}`,
          },
        })
      return run.id
    }
    const old = await mk(100)
    const recent = await mk(10)
    expect(await compactRawSteps(90)).toBe(1)
    expect(await compactRawSteps(90)).toBe(0)
    const oldSteps = await db().backupStep.findMany({ where: { runId: old }, orderBy: { seq: 'asc' } })
    expect(oldSteps.map((s) => s.rawBody)).toEqual(['', '', ''])
    expect(oldSteps.map((s) => s.progress)).toEqual([30, 60, 90])
    expect((await db().backupRun.findUniqueOrThrow({ where: { id: old } })).rawCompactedAt).not.toBeNull()
    const kept = await db().backupStep.findMany({ where: { runId: recent } })
    expect(kept.every((s) => s.rawBody.startsWith('{"status"'))).toBe(true)
    const log = (await buildRunLog(old)).text
    expect(log).toContain('Steps (3)')
    expect(log).toContain('WARNING: disk almost full')
  })
})
