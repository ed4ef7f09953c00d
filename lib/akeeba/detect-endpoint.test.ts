// Endpoint detection against a local server imitating each kind of site.
import type http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectSite } from './detect-endpoint'
import { classifyProbeError } from './probe-outcome'
import { interpretResponse } from './interpret-response'
import { AkeebaError } from './types'
import { exchange } from './fixtures.test-helper'
import { html, json, startTestServer, type SeenRequest, type TestServer } from './test-server.test-helper'

const KEY = 'DetectKey1234567890abc'
const wp = (i: number) => exchange('akeeba-wp-9.1.1', '01', i).response!.body
const joomla = (i: number) => exchange('akeeba-joomla', '01', i).response!.body
const NOT_FOUND_PAGE = joomla(30)
const version = (over: object) =>
  JSON.stringify({ status: 200, data: { api: 500, component: '9.3.3', date: '2022-10-10', edition: 'pro', ...over } })

type Route = (q: SeenRequest, res: http.ServerResponse) => boolean
const akeeba =
  (versionBody: string, profilesBody: string): ((q: SeenRequest, res: http.ServerResponse) => void) =>
  (q, res) => {
    if (q.headers['x-akeeba-auth'] !== KEY) return json(res, '{"status":503,"data":"Access denied"}')
    json(res, q.form.get('method') === 'getProfiles' ? profilesBody : versionBody)
  }
function site(...routes: Route[]) {
  return (q: SeenRequest, res: http.ServerResponse) => {
    for (const r of routes) if (r(q, res)) return
    html(res, NOT_FOUND_PAGE, 404)
  }
}
const at =
  (test: (url: string) => boolean, answer: (q: SeenRequest, res: http.ServerResponse) => void): Route =>
  (q, res) => {
    if (!test(q.url)) return false
    answer(q, res)
    return true
  }
const isWp = (u: string) => u.startsWith('/wp-admin/admin-ajax.php?action=akeebabackup_api')
const isJoomla = (u: string) => u.startsWith('/index.php?option=com_akeebabackup')
const isJ3 = (u: string) => u.startsWith('/index.php?option=com_akeeba&')

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const detect = (path = '', key = KEY) =>
  detectSite(server.base + path, key, { timeoutMs: 3_000, connectTimeoutMs: 2_000 })

describe('detectSite', () => {
  it('finds WordPress at admin-ajax, from the root or an admin page', async () => {
    server.handle(site(at(isWp, akeeba(wp(0), wp(1)))))
    for (const path of ['', 'wp-admin/', 'wp-admin/admin.php?page=akeebabackupwp']) {
      const r = await detect(path)
      expect(r).toMatchObject({
        ok: true,
        endpoint: { url: `${server.base}wp-admin/admin-ajax.php?action=akeebabackup_api`, platform: 'wordpress' },
      })
      if (r.ok) expect(r.profiles).toEqual([{ id: 1, name: 'Default Backup Profile' }])
    }
  })

  it('finds Joomla classic after WordPress misses', async () => {
    server.handle(site(at(isJoomla, akeeba(joomla(0), joomla(1)))))
    const r = await detect('administrator/index.php')
    expect(r).toMatchObject({
      ok: true,
      endpoint: { platform: 'joomla', url: `${server.base}index.php?option=com_akeebabackup&view=api&format=raw` },
      version: { api: 500 },
    })
  })

  it('uses a pasted endpoint as it is, with one probe', async () => {
    server.handle(site(at(isJoomla, akeeba(joomla(0), joomla(1)))))
    const before = server.seen.length
    const r = await detect('index.php?option=com_akeebabackup&view=Api&format=raw')
    expect(r).toMatchObject({ ok: true, endpoint: { platform: 'joomla' } })
    expect(server.seen.length - before).toBe(2) // getVersion + getProfiles
  })

  it('finds the Joomla API app route (404/406 JSON:API elsewhere means "not here")', async () => {
    const api = (u: string) => u.startsWith('/api/index.php/v2/akeebabackup')
    server.handle(
      site(
        at(api, (q, res) =>
          q.headers.accept === 'application/json'
            ? akeeba(joomla(0), joomla(1))(q, res)
            : html(res, 'Could not match accept header', 406),
        ),
      ),
    )
    expect(await detect()).toMatchObject({
      ok: true,
      endpoint: { platform: 'joomla', url: `${server.base}api/index.php/v2/akeebabackup` },
    })
  })

  it('tells Joomla 3 from Solo by the front page', async () => {
    const j3 = at(isJ3, akeeba(version({ api: 340, component: '8.1.0' }), joomla(1)))
    server.handle(site(j3))
    expect(await detect()).toMatchObject({ ok: true, endpoint: { platform: 'joomla3' } })
    server.handle(
      site(
        j3,
        at(
          (u) => u === '/index.php',
          (_q, res) => html(res, '<html><title>Akeeba Solo</title></html>'),
        ),
      ),
    )
    expect(await detect()).toMatchObject({ ok: true, endpoint: { platform: 'solo' } })
  })

  it('stops at the first 503: the site is found, the key is not accepted', async () => {
    server.handle(site(at(isWp, akeeba(wp(0), wp(1)))))
    const before = server.seen.length
    const r = await detect('', 'wrong-key')
    expect(r).toMatchObject({ ok: false, cause: 'auth' })
    if (!r.ok) expect(r.advice).toMatch(/Core/)
    expect(server.seen.length - before).toBe(1)
  })

  it('a WAF 403 page everywhere → html_page', async () => {
    server.handle((_q, res) =>
      html(res, '<html><head><title>403 Forbidden</title></head><body>Blocked by mod_security</body></html>', 403),
    )
    expect(await detect()).toMatchObject({ ok: false, cause: 'html_page' })
  })

  it('an HTML 200 login page everywhere → html_page', async () => {
    server.handle((_q, res) =>
      html(res, '<!DOCTYPE html><html><head><title>Log in</title></head><body><form></form></body></html>'),
    )
    const r = await detect()
    expect(r).toMatchObject({ ok: false, cause: 'html_page' })
    // The kind of answer, never its words: detection may be talking to a server that is not a site.
    if (!r.ok) expect(r.message).toMatch(/HTML page/)
    if (!r.ok) expect(r.message).not.toMatch(/Log in/)
  })

  it('a plain-text answer is described, never quoted', async () => {
    server.handle((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('-ERR internal-secret-banner redis 7.2\r\n')
    })
    const r = await detect()
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).not.toMatch(/internal-secret-banner|redis/)
  })

  it('WordPress without Akeeba (admin-ajax 400 "0", homepage elsewhere) → not_akeeba', async () => {
    server.handle((q, res) =>
      q.url.startsWith('/wp-admin/') ? html(res, '0', 400) : html(res, '<html><title>Blog</title></html>'),
    )
    expect(await detect()).toMatchObject({ ok: false, cause: 'not_akeeba' })
  })

  it('Core edition and too-old API are named', async () => {
    server.handle(site(at(isWp, akeeba(version({ edition: 'core' }), wp(1)))))
    expect(await detect()).toMatchObject({ ok: false, cause: 'core_edition' })
    server.handle(site(at(isWp, akeeba(version({ api: 330 }), wp(1)))))
    expect(await detect()).toMatchObject({ ok: false, cause: 'api_too_old' })
  })

  it('a server error page → http_error', async () => {
    server.handle((_q, res) => html(res, '<html><title>Error</title></html>', 502))
    expect(await detect()).toMatchObject({ ok: false, cause: 'http_error' })
  })

  it('closed port → unreachable; .invalid host → dns; nonsense → invalid_url', async () => {
    const closed = await startTestServer()
    await closed.close()
    expect(await detectSite(closed.base, KEY)).toMatchObject({ ok: false, cause: 'unreachable' })
    expect(await detectSite('https://no-such-site.invalid/', KEY)).toMatchObject({ ok: false, cause: 'dns' })
    for (const bad of ['', 'ftp://example.com/', 'not a url', 'http://']) {
      expect(await detectSite(bad, KEY)).toMatchObject({ ok: false, cause: 'invalid_url' })
    }
  })

  it('classifies the non-answering forms recorded on Joomla 9.3.3 (akeeba-joomla/01)', () => {
    const cause = (i: number) => {
      const ex = exchange('akeeba-joomla', '01', i)
      try {
        interpretResponse('getVersion', ex.response!.httpStatus, ex.response!.body)
      } catch (e) {
        return classifyProbeError(e as AkeebaError, ex.request.endpoint ?? '').cause
      }
      return 'ok'
    }
    expect(cause(0)).toBe('ok')
    expect(cause(22)).toBe('http_error') // view=json: HTML 500
    expect(cause(23)).toBe('not_akeeba') // no option: 404 page
    expect(cause(24)).toBe('html_page') // /administrator: 403 page
    expect([25, 26, 27, 28, 29, 30].map(cause)).toEqual(Array(6).fill('not_akeeba')) // 406 and JSON:API 404s
  })
})
