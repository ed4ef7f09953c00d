// Input at the boundary, through the route handlers on a real database (run on SQLite and on
// PostgreSQL): the person's own mistakes are 400 naming the field; what the site then says about
// them is 422 naming the field (key for "Access denied", url otherwise) with the wizard's cause and
// advice; NUL and lone surrogates never reach either database; a URL change is proven with the key
// sent in the same request, and address, endpoint and key move together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as createSiteRoute } from '@/app/api/sites/route'
import { POST as checkRoute } from '@/app/api/sites/check/route'
import { PATCH as patchSiteRoute } from '@/app/api/sites/[id]/route'
import { POST as createScheduleRoute } from '@/app/api/schedules/route'
import { POST as createTokenRoute } from '@/app/api/tokens/route'
import { db } from '@/lib/db/client'
import { startHarness, type Harness } from './helpers/engine-harness'
import { bearerFor } from './helpers/auth'

let h: Harness
let adminAuth = ''
beforeAll(async () => {
  h = await startHarness()
  adminAuth = await bearerFor('admin')
})
afterAll(async () => {
  await h.close()
})

const req = (method: string, url: string, body?: unknown) =>
  new Request(`http://stepwise.test${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: adminAuth },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
const ctx = (id: string) => ({ params: Promise.resolve({ id }) })
const noCtx = { params: Promise.resolve({}) }

const keyOf = (id: string) => `Key-${id}-0123456789/abc+def`

function fakeSite(id: string, extra: Record<string, unknown> = {}) {
  if (!h.fleet.has(id)) h.fleet.addSite({ id, persona: 'wordpress', key: keyOf(id), ...extra })
  return id
}

async function post(body: Record<string, unknown>) {
  const res = await createSiteRoute(req('POST', '/api/sites', body), noCtx)
  return { status: res.status, body: await res.json() }
}

describe('what the site says about the input: 422 naming the field', () => {
  it('a wrong key → 422 on key, with the cause and advice; nothing saved', async () => {
    const id = fakeSite('in-wrongkey', { scenario: { wrongKey: true } })
    const before = await db().site.count()
    const r = await post({ name: 'w', url: h.fleet.url(id), key: keyOf(id) })
    expect(r.status).toBe(422)
    expect(r.body.error).toMatchObject({ code: 'unprocessable', field: 'key', details: { cause: 'auth' } })
    expect(r.body.error.details.advice).toMatch(/hyphens and punctuation/)
    expect(r.body.error.details.advice).not.toMatch(/letters and digits only/)
    expect(await db().site.count()).toBe(before)
  })

  it('unreachable and not-Akeeba → 422 on url with the specific cause', async () => {
    const closed = await post({ name: 'c', url: 'http://127.0.0.1:1/', key: 'Closed-Port-Key-0123' })
    expect(closed.status).toBe(422)
    expect(closed.body.error).toMatchObject({ field: 'url', details: { cause: 'unreachable' } })
    const waf = fakeSite('in-waf', { scenario: { htmlErrorPage: { always: true, httpStatus: 403 } } })
    const r = await post({ name: 'waf', url: h.fleet.url(waf), key: keyOf(waf) })
    expect(r.status).toBe(422)
    expect(r.body.error).toMatchObject({ code: 'unprocessable', field: 'url', details: { cause: 'html_page' } })
    expect(r.body.error.details.advice).toMatch(/security layer/)
  })

  it('"save anyway" still saves an unreachable site as not connected', async () => {
    const r = await post({
      name: 'later',
      url: 'http://127.0.0.1:1/',
      key: 'Closed-Port-Key-0123',
      saveIfUnreachable: true,
    })
    expect(r.status).toBe(201)
    expect(r.body.site.connectionStatus).toBe('not_connected')
  })
})

describe('the person’s own input: 400 naming the field', () => {
  const url = 'https://site.example/'
  it.each([
    ['a key shorter than 16 characters', { url, key: 'Short-Key-12345' }, 'key'],
    ['CR/LF in the key', { url, key: 'Good-Key-0123456789\r\nX-Evil: 1' }, 'key'],
    ['NUL in the key', { url, key: 'Good-Key-0123456789\u0000' }, 'key'],
    ['a C1 control in the key', { url, key: 'Good-Key-0123456789\u0085' }, 'key'],
    ['a space in the URL', { url: 'https://site.example/a b', key: 'Good-Key-0123456789' }, 'url'],
    ['CR/LF in the URL', { url: 'https://site.example/\r\nHost: x', key: 'Good-Key-0123456789' }, 'url'],
    ['NUL in the URL', { url: 'https://site.example/\u0000', key: 'Good-Key-0123456789' }, 'url'],
    ['credentials in the URL', { url: 'https://u:p@site.example/', key: 'Good-Key-0123456789' }, 'url'],
  ])('%s', async (_name, input, field) => {
    for (const handler of [createSiteRoute, checkRoute]) {
      const path = handler === checkRoute ? '/api/sites/check' : '/api/sites'
      const res = await handler(req('POST', path, { name: 'n', ...input }), noCtx)
      expect(res.status).toBe(400)
      expect((await res.json()).error).toMatchObject({ code: 'validation_failed', field })
    }
  })
})

describe('NUL and lone surrogates never reach the database', () => {
  const id = 'in-text'
  it.each([
    ['NUL in a name', { name: 'Bad\u0000Name' }, 'name'],
    ['a lone high surrogate in a name', { name: 'Bad\ud800Name' }, 'name'],
    ['a lone low surrogate in a name', { name: '\udc00' }, 'name'],
    ['NUL in a tag', { name: 'ok', tags: ['a\u0000b'] }, 'tags.0'],
    ['a lone surrogate in a tag', { name: 'ok', tags: ['x\udbff'] }, 'tags.0'],
    ['NUL in the host group', { name: 'ok', hostGroup: 'g\u0000' }, 'hostGroup'],
  ])('%s → 400', async (_n, extra, field) => {
    fakeSite(id)
    const before = await db().site.count()
    const r = await post({ url: h.fleet.url(id), key: keyOf(id), ...extra })
    expect(r.status).toBe(400)
    expect(r.body.error.field).toBe(field)
    expect(await db().site.count()).toBe(before)
  })

  it('names with real emoji and accents are stored as typed, on both databases', async () => {
    fakeSite(id)
    const r = await post({ url: h.fleet.url(id), key: keyOf(id), name: 'Café 🚀 Ünïcode', tags: ['ñ', '😀'] })
    expect(r.status).toBe(201)
    const row = await db().site.findUniqueOrThrow({ where: { id: r.body.site.id } })
    expect(row.name).toBe('Café 🚀 Ünïcode')
    expect(JSON.parse(row.tags)).toEqual(['ñ', '😀'])
  })

  it('PATCH, schedules and tokens refuse them as well', async () => {
    fakeSite(id)
    const { body } = await post({ url: h.fleet.url(id), key: keyOf(id), name: 'text-patch' })
    const patch = await patchSiteRoute(
      req('PATCH', `/api/sites/${body.site.id}`, { name: 'x\u0000' }),
      ctx(body.site.id),
    )
    expect(patch.status).toBe(400)
    const sched = await createScheduleRoute(
      req('POST', '/api/schedules', {
        name: 'nightly\u0000',
        siteId: body.site.id,
        cron: '0 2 * * *',
        timezone: 'UTC',
      }),
      noCtx,
    )
    expect(sched.status).toBe(400)
    expect((await sched.json()).error.field).toBe('name')
    const tmpl = await createScheduleRoute(
      req('POST', '/api/schedules', {
        name: 'n',
        siteId: body.site.id,
        cron: '0 2 * * *',
        timezone: 'UTC',
        descriptionTemplate: 'x\ud800',
      }),
      noCtx,
    )
    expect((await tmpl.json()).error.field).toBe('descriptionTemplate')
    const token = await createTokenRoute(req('POST', '/api/tokens', { name: 'ci\u0000', role: 'viewer' }), noCtx)
    expect(token.status).toBe(400)
  })
})

describe('changing a site URL', () => {
  async function addMovable(id: string) {
    fakeSite(id)
    const { status, body } = await post({ url: h.fleet.url(id), key: keyOf(id), name: id })
    expect(status).toBe(201)
    return body.site as { id: string; baseUrl: string; endpointUrl: string }
  }

  it('without the key → 400 on key, nothing changes', async () => {
    const site = await addMovable('in-move-nokey')
    const target = fakeSite('in-move-nokey-b')
    const res = await patchSiteRoute(req('PATCH', `/api/sites/${site.id}`, { url: h.fleet.url(target) }), ctx(site.id))
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatchObject({ field: 'key' })
    expect(h.fleet.calls(target)).toEqual([])
    expect(await db().site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({
      baseUrl: site.baseUrl,
      endpointUrl: site.endpointUrl,
    })
  })

  it('with a key the new address refuses → 422 on key, nothing changes', async () => {
    const site = await addMovable('in-move-wrong')
    const target = fakeSite('in-move-wrong-b')
    const before = await db().site.findUniqueOrThrow({ where: { id: site.id } })
    const res = await patchSiteRoute(
      req('PATCH', `/api/sites/${site.id}`, { url: h.fleet.url(target), key: 'Not-The-Right-Key-0123' }),
      ctx(site.id),
    )
    expect(res.status).toBe(422)
    expect((await res.json()).error).toMatchObject({ code: 'unprocessable', field: 'key', details: { cause: 'auth' } })
    const after = await db().site.findUniqueOrThrow({ where: { id: site.id } })
    expect(after).toMatchObject({
      baseUrl: before.baseUrl,
      endpointUrl: before.endpointUrl,
      keyCiphertext: before.keyCiphertext,
    })
  })

  it('with the new site’s key → baseUrl, endpoint and key move together; the old key never goes there', async () => {
    const site = await addMovable('in-move-ok')
    const target = fakeSite('in-move-ok-b')
    const res = await patchSiteRoute(
      req('PATCH', `/api/sites/${site.id}`, { url: h.fleet.url(target), key: keyOf(target) }),
      ctx(site.id),
    )
    expect(res.status).toBe(200)
    const moved = (await res.json()).site
    expect(moved).toMatchObject({
      baseUrl: h.fleet.url(target),
      endpointUrl: h.fleet.endpointUrl(target),
      connectionStatus: 'ok',
    })
    // Every call the new address received carried the key from the request, never the stored one.
    expect(h.fleet.calls(target).length).toBeGreaterThan(0)
    expect(h.fleet.calls(target).every((c) => c.authOk)).toBe(true)
    // And backups now go where the page says: the run calls the new site.
    h.startRunner()
    const run = await h.waitFor((await h.backup(site.id)).id)
    expect(run.status).toBe('succeeded')
    expect(h.fleet.calls(target).some((c) => /startbackup/i.test(c.method))).toBe(true)
    expect(h.fleet.calls('in-move-ok').some((c) => /startbackup/i.test(c.method))).toBe(false)
  })
})
