// AkeebaClient over real HTTP on loopback, serving recorded fixture bodies.
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AkeebaClient } from './client'
import { AkeebaError } from './types'
import { exchange } from './fixtures.test-helper'
import { html, json, startTestServer, type TestServer } from './test-server.test-helper'

const KEY = 'Sekr3tKeyForTests9876xyz'
const WP = 'akeeba-wp-9.1.1'
const body = (file: string, i: number) => exchange(WP, file, i).response!.body

let server: TestServer
let endpointUrl: string
const client = (opts: { timeoutMs?: number; url?: string } = {}) =>
  new AkeebaClient({
    endpoint: { url: opts.url ?? endpointUrl, platform: 'wordpress' },
    key: KEY,
    timeoutMs: opts.timeoutMs ?? 5_000,
    connectTimeoutMs: 2_000,
  })

async function failure(p: Promise<unknown>): Promise<AkeebaError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(AkeebaError)
    return e as AkeebaError
  }
  throw new Error('expected a failure')
}

beforeAll(async () => {
  server = await startTestServer()
  endpointUrl = `${server.base}wp-admin/admin-ajax.php?action=akeebabackup_api`
})
afterAll(() => server.close())

describe('AkeebaClient transport', () => {
  it('sends the key only in X-Akeeba-Auth, a form body and Accept: application/json', async () => {
    server.handle((_q, res) => json(res, body('01', 0)))
    const { data, raw } = await client().getVersion()
    expect(data).toEqual({ api: 400, component: '9.1.1', date: '2025-12-11', edition: 'pro' })
    expect(raw).toMatchObject({ httpStatus: 200 })
    expect(raw.durationMs).toBeGreaterThanOrEqual(0)
    const seen = server.seen.at(-1)!
    expect(seen.method).toBe('POST')
    expect(seen.url).toBe('/wp-admin/admin-ajax.php?action=akeebabackup_api')
    expect(seen.headers['x-akeeba-auth']).toBe(KEY)
    expect(seen.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(seen.headers.accept).toBe('application/json')
    expect(seen.body).toBe('method=getVersion')
    expect(seen.url + seen.body).not.toContain(KEY)
  })

  it('encodes startBackup overrides with PHP brackets', async () => {
    server.handle((_q, res) => json(res, body('02', 0)))
    const { data } = await client().startBackup({
      profile: 1,
      description: 'Run 42 by Stepwise',
      overrides: { 'akeeba.basic.backup_type': 'dbonly', 'akeeba.tuning.min_exec_time': 0 },
    })
    expect(data.backupid).toMatch(/^id-/)
    const form = server.seen.at(-1)!.form
    expect(form.get('method')).toBe('startBackup')
    expect(form.get('profile')).toBe('1')
    expect(form.get('description')).toBe('Run 42 by Stepwise')
    expect(form.get('overrides[akeeba.basic.backup_type]')).toBe('dbonly')
    expect(form.get('overrides[akeeba.tuning.min_exec_time]')).toBe('0')
    expect(form.has('comment')).toBe(false)
  })

  it('stepBackup sends the backupid and survives junk around the JSON', async () => {
    server.handle((_q, res) => json(res, '\uFEFF<b>Notice</b>: x {y}<br>' + body('01', 5) + '\n<!-- {z} -->'))
    const { data } = await client().stepBackup('id-20261128-230746-938840')
    expect(data.domain).toBe('PackDB')
    expect(server.seen.at(-1)!.form.get('backupid')).toBe('id-20261128-230746-938840')
  })

  it('a call that outlives timeoutMs is a timeout', async () => {
    server.handle(() => undefined) // never answers
    const start = performance.now()
    const err = await failure(client({ timeoutMs: 300 }).stepBackup('id-1'))
    expect(err.kind).toBe('timeout')
    expect(err.raw).toMatchObject({ httpStatus: 0 })
    expect(performance.now() - start).toBeLessThan(3000)
  })

  it('a caller abort is transport; AbortSignal.timeout is timeout', async () => {
    server.handle(() => undefined)
    const ctrl = new AbortController()
    setTimeout(() => ctrl.abort(), 50)
    expect((await failure(client().getVersion({ signal: ctrl.signal }))).kind).toBe('transport')
    expect((await failure(client().getVersion({ signal: AbortSignal.timeout(50) }))).kind).toBe('timeout')
  })

  it('a closed port is transport, naming the refusal', async () => {
    const closed = await startTestServer()
    const url = `${closed.base}index.php`
    await closed.close()
    const err = await failure(client({ url }).getVersion())
    expect(err.kind).toBe('transport')
    expect(err.message).toMatch(/refused/)
  })

  it('a reset socket is transport', async () => {
    server.handle((_q, _res, raw) => raw.socket.resetAndDestroy())
    const err = await failure(client().stepBackup('id-1'))
    expect(err.kind).toBe('transport')
    expect(err.message).toMatch(/cut before a full answer/)
  })

  it('a body cut short after the headers is transport', async () => {
    server.handle((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' })
      res.write('{"status":200,')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    expect((await failure(client().getVersion())).kind).toBe('transport')
  })

  it('never lets the key into messages or stored bodies, even when the site echoes it', async () => {
    const errors: unknown[] = []
    const echo =
      (status: number, asJson: boolean) => (q: { headers: http.IncomingHttpHeaders }, res: http.ServerResponse) => {
        const k = String(q.headers['x-akeeba-auth'])
        if (asJson) json(res, JSON.stringify({ status, data: `Access denied for ${k} (${encodeURIComponent(k)})` }))
        else html(res, `<html><head><title>Blocked ${k}</title></head><body>${k}</body></html>`, status)
      }
    for (const [status, asJson] of [
      [503, true],
      [404, true],
      [403, false],
      [200, false],
    ] as const) {
      server.handle(echo(status, asJson))
      errors.push(await failure(client().getVersion()))
    }
    server.handle((_q, res) => json(res, body('01', 0).replace('9.1.1', KEY)))
    const ok = await client().getVersion()
    errors.push(await failure(client({ url: 'http://127.0.0.1:1/' }).getVersion()))
    server.handle((q, res) =>
      json(res, JSON.stringify({ status: 404, data: `Invalid backup part ${String(q.headers['x-akeeba-auth'])}` })),
    )
    errors.push(await failure(client().download(1, 1).next()))
    server.handle(() => undefined)
    errors.push(await failure(client({ timeoutMs: 100 }).stepBackup('id-1')))
    const dump = JSON.stringify(
      errors.map((e) => ({ ...(e as AkeebaError), message: (e as Error).message, stack: (e as Error).stack })),
    )
    expect(dump).not.toContain(KEY)
    expect(ok.raw.body).not.toContain(KEY)
    expect(dump).toContain('[redacted]')
  })
})

describe('downloads', () => {
  it('downloadDirect streams the bytes and reports size and file name', async () => {
    const file = randomBytes(3 * 1024 * 1024 + 123)
    server.handle((q, res) => {
      expect(q.method).toBe('GET')
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(file.length),
        'Content-Disposition': 'attachment; filename="site-x.j01"',
      })
      res.end(file)
    })
    const dl = await client().downloadDirect(8, 2)
    expect(dl.size).toBe(file.length)
    expect(dl.filename).toBe('site-x.j01')
    const hash = createHash('sha256')
    for await (const chunk of dl.stream) hash.update(chunk as Buffer)
    expect(hash.digest('hex')).toBe(createHash('sha256').update(file).digest('hex'))
    const q = new URL(server.seen.at(-1)!.url, 'http://x').searchParams
    expect([q.get('action'), q.get('method'), q.get('backup_id'), q.get('part_id')]).toEqual([
      'akeebabackup_api',
      'downloadDirect',
      '8',
      '2',
    ])
    expect(server.seen.at(-1)!.url).not.toContain(KEY)
  })

  it('downloadDirect errors: HTTP 500 reason phrase → not_found; a short stream → transport', async () => {
    server.handle((_q, res) => {
      res.writeHead(500, 'Invalid backup part', { 'Content-Type': 'text/html; charset=UTF-8' })
      res.end()
    })
    expect(await failure(client().downloadDirect(8, 9))).toMatchObject({
      kind: 'not_found',
      message: 'Invalid backup part',
    })
    server.handle((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '100000' })
      res.write(Buffer.alloc(1000))
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const dl = await client().downloadDirect(8, 2)
    const err = await failure(
      (async () => {
        for await (const _ of dl.stream) void _
      })(),
    )
    expect(err.kind).toBe('transport')
  })

  for (const size of [2.5 * 1024 * 1024, 2 * 1024 * 1024]) {
    it(`chunked download reassembles a ${size} byte part (EOF by "" or 404 Invalid segment)`, async () => {
      const file = randomBytes(size)
      const MiB = 1024 * 1024
      server.handle((q, res) => {
        const seg = Number(q.form.get('segment'))
        const offset = (seg - 1) * MiB
        expect(q.form.get('chunk_size')).toBe('1')
        if (offset > file.length) return json(res, '{"status":404,"data":"Invalid segment"}')
        json(res, JSON.stringify({ status: 200, data: file.subarray(offset, offset + MiB).toString('base64') }))
      })
      const parts: Buffer[] = []
      for await (const chunk of client().download(10, 2)) parts.push(chunk)
      expect(Buffer.concat(parts).equals(file)).toBe(true)
    })
  }
})
