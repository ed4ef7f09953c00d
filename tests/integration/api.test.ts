// The HTTP API as the UI and scripts use it: route handlers called with real Requests, on a real
// database, against fake sites. One error envelope; 400 names the field; the key never comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as listSitesRoute, POST as createSiteRoute } from '@/app/api/sites/route'
import { POST as checkRoute } from '@/app/api/sites/check/route'
import { GET as getSiteRoute, PATCH as patchSiteRoute, DELETE as deleteSiteRoute } from '@/app/api/sites/[id]/route'
import { POST as backupRoute } from '@/app/api/sites/[id]/backups/route'
import { GET as runsRoute } from '@/app/api/runs/route'
import { GET as runRoute } from '@/app/api/runs/[id]/route'
import { POST as cancelRoute } from '@/app/api/runs/[id]/cancel/route'
import { GET as logRoute } from '@/app/api/runs/[id]/log/route'
import { POST as bulkRoute } from '@/app/api/backups/bulk/route'
import { GET as healthRoute } from '@/app/api/health/route'
import { db, disconnectDb } from '@/lib/db/client'
import { loadMigrations } from '@/lib/db/migrate'
import { resetConfigForTests } from '@/lib/config'
import { startHarness, type Harness } from './helpers/engine-harness'
import { bearerFor } from './helpers/auth'

let h: Harness
// Every call is made as an admin with an API token (the access rules have their own sweep test).
let adminAuth = ''
beforeAll(async () => {
  h = await startHarness()
  h.startRunner()
  adminAuth = await bearerFor('admin')
})
afterAll(async () => {
  await h.close()
})

const req = (method: string, url: string, body?: unknown) =>
  new Request(`http://stepwise.test${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: adminAuth },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
const ctx = (id: string) => ({ params: Promise.resolve({ id }) })
const noCtx = { params: Promise.resolve({}) }

async function addViaApi(id: string, extra: Record<string, unknown> = {}) {
  h.fleet.addSite({ id, persona: 'wordpress', key: `Key-${id}-0123456789` })
  return createSiteRoute(
    req('POST', '/api/sites', { name: id, url: h.fleet.url(id), key: h.fleet.key(id), tags: ['clients'], ...extra }),
    noCtx,
  )
}

describe('sites API', () => {
  it('creates a site (201), stores the key encrypted, never returns it', async () => {
    const res = await addViaApi('api-ok')
    expect(res.status).toBe(201)
    const text = await res.text()
    expect(text).not.toContain(h.fleet.key('api-ok'))
    const { site } = JSON.parse(text)
    expect(site).toMatchObject({
      name: 'api-ok',
      platform: 'wordpress',
      apiLevel: 400,
      akeebaVersion: '9.1.1',
      connectionStatus: 'ok',
      backupState: 'never',
      tags: ['clients'],
    })
    expect(site.profiles).toEqual([{ id: 1, name: 'Default Backup Profile' }])
    const row = await db().site.findUniqueOrThrow({ where: { id: site.id } })
    expect(row.keyCiphertext).not.toContain(h.fleet.key('api-ok'))
    const list = await (await listSitesRoute(req('GET', '/api/sites'), noCtx)).text()
    expect(list).not.toContain(h.fleet.key('api-ok'))
    expect(list).not.toContain('keyCiphertext')
  })

  it('400 names the field for malformed input', async () => {
    const bad = await createSiteRoute(
      req('POST', '/api/sites', { name: '', url: 'https://x.test', key: 'Valid-Key-0123456789' }),
      noCtx,
    )
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed', field: 'name' } })
    const badUrl = await createSiteRoute(
      req('POST', '/api/sites', { name: 'x', url: 'ftp://nope', key: 'Valid-Key-0123456789' }),
      noCtx,
    )
    expect((await badUrl.json()).error.field).toBe('url')
    const notJson = await createSiteRoute(req('POST', '/api/sites', '{nope'), noCtx)
    expect(notJson.status).toBe(400)
    expect((await notJson.json()).error.code).toBe('bad_request')
  })

  it('a wrong key is diagnosed on the key field, and nothing is saved', async () => {
    h.fleet.addSite({ id: 'api-wrongkey', persona: 'joomla', key: 'RightKey-0123456789', scenario: { wrongKey: true } })
    const before = await db().site.count()
    const res = await createSiteRoute(
      req('POST', '/api/sites', { name: 'w', url: h.fleet.url('api-wrongkey'), key: 'RightKey-0123456789' }),
      noCtx,
    )
    // The site refused the key the user typed: their input, so a 422 on the key field (issue 12).
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({
      error: { code: 'unprocessable', field: 'key', details: { cause: 'auth' } },
    })
    expect(await db().site.count()).toBe(before)
  })

  it('check diagnoses without saving: unreachable, html page, core edition', async () => {
    const closed = await (
      await checkRoute(
        req('POST', '/api/sites/check', { url: 'http://127.0.0.1:1/', key: 'Closed-Port-Key-0123' }),
        noCtx,
      )
    ).json()
    expect(closed.check).toMatchObject({ ok: false, cause: 'unreachable' })
    h.fleet.addSite({
      id: 'api-waf',
      persona: 'wordpress',
      key: 'K1234567-abcdefgh',
      scenario: { htmlErrorPage: { always: true, httpStatus: 403 } },
    })
    const waf = await (
      await checkRoute(
        req('POST', '/api/sites/check', { url: h.fleet.url('api-waf'), key: 'K1234567-abcdefgh' }),
        noCtx,
      )
    ).json()
    expect(waf.check).toMatchObject({ ok: false, cause: 'html_page' })
    h.fleet.addSite({ id: 'api-core', persona: 'wordpress', key: 'K1234567-abcdefgh', edition: 'core' })
    const core = await (
      await checkRoute(
        req('POST', '/api/sites/check', { url: h.fleet.url('api-core'), key: 'K1234567-abcdefgh' }),
        noCtx,
      )
    ).json()
    expect(core.check.ok).toBe(false)
    expect(['core_edition', 'auth']).toContain(core.check.cause)
  })

  it('404 for an unknown id, in the envelope', async () => {
    const r = await getSiteRoute(req('GET', '/api/sites/nope'), ctx('nope'))
    expect(r.status).toBe(404)
    expect(await r.json()).toMatchObject({ error: { code: 'not_found' } })
    expect((await runRoute(req('GET', '/api/runs/nope'), ctx('nope'))).status).toBe(404)
  })

  it('PATCH updates fields; unknown fields are refused by name', async () => {
    const { site } = await (await addViaApi('api-patch')).json()
    const r = await patchSiteRoute(
      req('PATCH', `/api/sites/${site.id}`, { name: 'Renamed', tags: ['a', 'b'], maxBackupAgeHours: 48 }),
      ctx(site.id),
    )
    expect((await r.json()).site).toMatchObject({ name: 'Renamed', tags: ['a', 'b'], maxBackupAgeHours: 48 })
    const bad = await patchSiteRoute(req('PATCH', `/api/sites/${site.id}`, { colour: 'red' }), ctx(site.id))
    expect(bad.status).toBe(400)
  })
})

describe('runs API', () => {
  it('queues a backup (202), polls cheaply with afterSeq, serves the log', async () => {
    const { site } = await (await addViaApi('api-run')).json()
    const res = await backupRoute(
      req('POST', `/api/sites/${site.id}/backups`, { description: 'Before plugin update' }),
      ctx(site.id),
    )
    expect(res.status).toBe(202)
    const { run } = await res.json()
    expect(run).toMatchObject({ siteId: site.id, status: 'queued', description: 'Before plugin update' })
    const done = await h.waitFor(run.id)
    expect(done.status).toBe('succeeded')
    const all = await (await runRoute(req('GET', `/api/runs/${run.id}`), ctx(run.id))).json()
    expect(all.steps.length).toBeGreaterThan(5)
    const tail = await (
      await runRoute(req('GET', `/api/runs/${run.id}?afterSeq=${all.steps.length - 2}`), ctx(run.id))
    ).json()
    expect(tail.steps.map((s: { seq: number }) => s.seq)).toEqual([all.steps.length - 1, all.steps.length])
    const log = await logRoute(req('GET', `/api/runs/${run.id}/log?download=1`), ctx(run.id))
    expect(log.headers.get('content-type')).toContain('text/plain')
    expect(log.headers.get('content-disposition')).toContain('attachment')
    const text = await log.text()
    expect(text).toContain('Status     succeeded')
    expect(text).toContain('startBackup')
    expect(text).not.toContain(h.fleet.key('api-run'))
    const list = await (await runsRoute(req('GET', `/api/runs?siteId=${site.id}&status=succeeded`), noCtx)).json()
    expect(list.runs.map((r: { id: string }) => r.id)).toEqual([run.id])
  })

  it('bad filters name the field', async () => {
    const r = await runsRoute(req('GET', '/api/runs?status=done'), noCtx)
    expect(r.status).toBe(400)
    expect((await r.json()).error.field).toBe('status')
  })

  it('cancel of a finished run is a 409 conflict', async () => {
    const run = await db().backupRun.findFirstOrThrow({ where: { status: 'succeeded' } })
    const r = await cancelRoute(req('POST', `/api/runs/${run.id}/cancel`, {}), ctx(run.id))
    expect(r.status).toBe(409)
  })

  it('bulk by tag queues every tagged site and skips one already waiting', async () => {
    const r = await bulkRoute(req('POST', '/api/backups/bulk', { tag: 'clients' }), noCtx)
    expect(r.status).toBe(202)
    const body = await r.json()
    expect(body.queued.length).toBeGreaterThan(1)
    const again = await (await bulkRoute(req('POST', '/api/backups/bulk', { tag: 'clients' }), noCtx)).json()
    expect(again.skipped.length + again.queued.length).toBe(body.queued.length)
    for (const run of [...body.queued, ...again.queued]) await h.waitFor(run.id)
    const empty = await bulkRoute(req('POST', '/api/backups/bulk', {}), noCtx)
    expect(empty.status).toBe(400)
  })

  it('deleting a site removes its runs and archives', async () => {
    const { site } = await (await addViaApi('api-del')).json()
    const r = await deleteSiteRoute(req('DELETE', `/api/sites/${site.id}`), ctx(site.id))
    expect(r.status).toBe(200)
    expect(await db().site.count({ where: { id: site.id } })).toBe(0)
  })
})

describe('health', () => {
  it('reports the database kind, migration and runner', async () => {
    const r = await healthRoute(req('GET', '/api/health'), noCtx)
    expect(r.status).toBe(200)
    const body = await r.json()
    expect(body.database).toMatchObject({
      kind: h.db.kind,
      reachable: true,
      migration: loadMigrations(h.db.kind).at(-1)!.name,
    })
  })

  it('answers 503 when the database is unreachable', async () => {
    const saved = process.env.DATABASE_URL
    await disconnectDb()
    process.env.DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/none'
    resetConfigForTests()
    try {
      // Anonymous, as a load balancer asks: the minimal answer needs no database to say who is asking.
      const r = await healthRoute(new Request('http://stepwise.test/api/health'), noCtx)
      expect(r.status).toBe(503)
      expect(await r.json()).toMatchObject({
        status: 'unavailable',
        database: { kind: 'postgresql', reachable: false },
      })
    } finally {
      await disconnectDb()
      process.env.DATABASE_URL = saved
      resetConfigForTests()
    }
  })
})
