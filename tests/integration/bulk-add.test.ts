// Bulk add against fake sites over real HTTP: each row checked like the wizard (a good site, a wrong
// key, a wrong address, a row with its own mistake, an address already added), then only the good rows
// saved through addSite (archives synced, audited). Keys never come back. Also the wizard's suggested
// name from the site's <title>.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as checkRoute } from '@/app/api/sites/check/route'
import { POST as bulkCheckRoute } from '@/app/api/sites/bulk-check/route'
import { POST as bulkAddRoute } from '@/app/api/sites/bulk/route'
import { db } from '@/lib/db/client'
import { startHarness, type Harness } from './helpers/engine-harness'
import { bearerFor } from './helpers/auth'

let h: Harness
let adminAuth = ''
beforeAll(async () => {
  h = await startHarness()
  adminAuth = await bearerFor('admin')
  h.fleet.addSite({
    id: 'bulk-good',
    persona: 'wordpress',
    name: 'Bakery &amp; Café <b>Müller</b>',
    key: 'Good-key-0123456789',
  })
  h.fleet.addSite({ id: 'bulk-joomla', persona: 'joomla', name: 'Joomla Club', key: 'Joomla-key-0123456789' })
  h.fleet.addSite({ id: 'bulk-wrongkey', persona: 'wordpress', name: 'Wrong Key Shop', key: 'Right-key-0123456789' })
})
afterAll(async () => {
  await h.close()
})

const noCtx = { params: Promise.resolve({}) }
const post = (url: string, body: unknown) =>
  new Request(`http://stepwise.test${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: adminAuth },
    body: JSON.stringify(body),
  })

describe('suggested name', () => {
  it("the check suggests the home page's title, cleaned", async () => {
    const r = await checkRoute(
      post('/api/sites/check', { url: h.fleet.url('bulk-good'), key: 'Good-key-0123456789' }),
      noCtx,
    )
    const { check } = await r.json()
    expect(check.ok).toBe(true)
    expect(check.suggestedName).toBe('Bakery & Café Müller')
  })
  it('a failed check still suggests a name; an unreachable site gets its host without the port', async () => {
    const wrong = await (
      await checkRoute(
        post('/api/sites/check', { url: h.fleet.url('bulk-wrongkey'), key: 'Wrong-key-0123456789' }),
        noCtx,
      )
    ).json()
    expect(wrong.check).toMatchObject({ ok: false, cause: 'auth', suggestedName: 'Wrong Key Shop' })
    const closed = await (
      await checkRoute(post('/api/sites/check', { url: 'http://127.0.0.1:1/', key: 'Closed-port-0123456789' }), noCtx)
    ).json()
    expect(closed.check).toMatchObject({ ok: false, cause: 'unreachable', suggestedName: '127.0.0.1:1' })
    const sub = await (
      await checkRoute(
        post('/api/sites/check', { url: 'http://127.0.0.1:1/shop/', key: 'Closed-port-0123456789' }),
        noCtx,
      )
    ).json()
    expect(sub.check.suggestedName).toBe('127.0.0.1/shop')
  })
})

describe('bulk check and add', () => {
  const rows = () => [
    { line: 2, name: '', url: h.fleet.url('bulk-good'), key: 'Good-key-0123456789', tags: ['client-a', 'shop'] },
    { line: 3, name: 'Club', url: h.fleet.url('bulk-joomla'), key: 'Joomla-key-0123456789', tags: ['client-a'] },
    { line: 4, name: 'Shop', url: h.fleet.url('bulk-wrongkey'), key: 'Wrong-key-0123456789', tags: [] },
    { line: 5, name: 'Gone', url: 'http://127.0.0.1:1/', key: 'Closed-port-0123456789', tags: [] },
    { line: 6, name: 'Short', url: 'https://short.example/', key: 'short', tags: [] },
    {
      line: 7,
      name: 'Again',
      url: h.fleet.url('bulk-good').toUpperCase().replace('HTTP://', 'http://'),
      key: 'Good-key-0123456789',
      tags: [],
    },
  ]

  it('checks every row like the wizard and never echoes a key', async () => {
    const res = await bulkCheckRoute(post('/api/sites/bulk-check', { rows: rows() }), noCtx)
    expect(res.status).toBe(200)
    const text = await res.text()
    for (const k of ['Good-key-0123456789', 'Joomla-key-0123456789', 'Wrong-key-0123456789', 'Closed-port-0123456789'])
      expect(text).not.toContain(k)
    const { results } = JSON.parse(text)
    const byLine = Object.fromEntries(results.map((r: { line: number }) => [r.line, r]))
    expect(byLine[2]).toMatchObject({
      ok: true,
      name: 'Bakery & Café Müller',
      nameSuggested: true,
      platform: 'wordpress',
      tags: ['client-a', 'shop'],
    })
    expect(byLine[3]).toMatchObject({ ok: true, name: 'Club', nameSuggested: false, platform: 'joomla' })
    expect(byLine[4]).toMatchObject({ ok: false, cause: 'auth', field: 'key' })
    expect(byLine[5]).toMatchObject({ ok: false, cause: 'unreachable', field: 'url' })
    expect(byLine[6]).toMatchObject({ ok: false, cause: 'invalid', field: 'key' })
    expect(byLine[6].message).toMatch(/^key: must be at least 16/)
    expect(byLine[7]).toMatchObject({ ok: false, cause: 'duplicate', message: 'The same address as line 2.' })
    expect(await db().site.count()).toBe(0)
  })

  it('400 names the field for a malformed body; more than 20 rows is refused', async () => {
    const bad = await bulkCheckRoute(post('/api/sites/bulk-check', { rows: [{ line: 1, url: 5 }] }), noCtx)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.field).toBe('rows.0.url')
    const many = Array.from({ length: 21 }, (_, i) => ({
      line: i + 1,
      url: `https://s${i}.example/`,
      key: 'k'.repeat(16),
    }))
    const tooMany = await bulkCheckRoute(post('/api/sites/bulk-check', { rows: many }), noCtx)
    expect(tooMany.status).toBe(400)
    expect((await tooMany.json()).error).toMatchObject({ field: 'rows' })
    expect((await bulkCheckRoute(post('/api/sites/bulk-check', {}), noCtx)).status).toBe(400)
  })

  it('saves the good rows through addSite: audited, archives synced; bad ones are not saved', async () => {
    const good = [
      {
        line: 2,
        name: 'Bakery & Café Müller',
        url: h.fleet.url('bulk-good'),
        key: 'Good-key-0123456789',
        tags: ['client-a', 'shop'],
      },
      { line: 3, name: 'Club', url: h.fleet.url('bulk-joomla'), key: 'Joomla-key-0123456789', tags: ['client-a'] },
      { line: 4, name: 'Shop', url: h.fleet.url('bulk-wrongkey'), key: 'Wrong-key-0123456789', tags: [] },
    ]
    const res = await bulkAddRoute(post('/api/sites/bulk', { rows: good }), noCtx)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain('key-0123456789')
    const { results } = JSON.parse(text)
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false])
    expect(results[2].error).toMatchObject({ code: 'unprocessable', field: 'key' })
    const sites = await db().site.findMany({ orderBy: { name: 'asc' } })
    expect(sites.map((s) => [s.name, JSON.parse(s.tags)])).toEqual([
      ['Bakery & Café Müller', ['client-a', 'shop']],
      ['Club', ['client-a']],
    ])
    expect(sites.every((s) => !s.keyCiphertext.includes('key-0123456789'))).toBe(true)
    expect(sites.every((s) => s.archivesSyncedAt !== null)).toBe(true)
    const audits = await db().auditEvent.findMany({ where: { action: 'site.added' } })
    expect(audits).toHaveLength(2)
    // Saving the same rows again: already there.
    const again = await (await bulkAddRoute(post('/api/sites/bulk', { rows: good.slice(0, 1) }), noCtx)).json()
    expect(again.results[0]).toMatchObject({ ok: false, error: { code: 'conflict', field: 'url' } })
    const recheck = await (
      await bulkCheckRoute(post('/api/sites/bulk-check', { rows: good.slice(0, 1) }), noCtx)
    ).json()
    expect(recheck.results[0]).toMatchObject({ ok: false, cause: 'duplicate', existingSite: { id: sites[0].id } })
  })

  it('a row without a name is refused at save, naming the field', async () => {
    const { results } = await (
      await bulkAddRoute(
        post('/api/sites/bulk', { rows: [{ line: 9, url: 'https://n.example/', key: 'k'.repeat(16) }] }),
        noCtx,
      )
    ).json()
    expect(results[0]).toMatchObject({ ok: false, error: { field: 'name' } })
  })
})
