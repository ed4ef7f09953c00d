// Browser safety (issue 11): the refusals a CSRF page, a DNS-rebinding page and an oversized body meet,
// through the guard, through proxy.ts with real NextRequests, and through readJsonBody for chunked bodies.
// Also the file modes of the data folder and the SQLite file.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proxy } from '@/proxy'
import { readJsonBody } from '@/lib/api/read-body'
import { AppError } from '@/lib/api/errors'
import { resetConfigForTests } from '@/lib/config'
import { db, disconnectDb } from '@/lib/db/client'
import { allowedHostsFrom } from '@/lib/http-guard/allowed-hosts'
import { checkRequest } from '@/lib/http-guard/check-request'

const BASE = 'http://127.0.0.1:3000'
const MB = 1024 * 1024
const allowedHosts = allowedHostsFrom({ listenHost: '127.0.0.1' })

function request(method: string, pathname: string, headers: Record<string, string>, body?: BodyInit) {
  const duplex = body instanceof ReadableStream ? { duplex: 'half' as const } : {}
  return new NextRequest(`${BASE}${pathname}`, {
    method,
    headers: { host: '127.0.0.1:3000', ...headers },
    body,
    ...duplex,
  })
}

// A NextRequest built here carries no Content-Length of its own (a real client's request does), so the
// tests set it as curl or a browser would.

/** A body that arrives in 16 KB chunks with no Content-Length; `pulled` counts what was produced. */
function chunked(totalBytes: number) {
  const counter = { pulled: 0 }
  const chunk = new TextEncoder().encode(`"${'x'.repeat(16 * 1024 - 2)}"`)
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (counter.pulled >= totalBytes) return c.close()
      counter.pulled += chunk.byteLength
      c.enqueue(chunk)
    },
  })
  return { body, counter }
}

async function refusal(res: Response) {
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } }
}

const jsonBody = JSON.stringify({ name: 'Shop', url: 'https://shop.example' })
const json = { 'content-type': 'application/json', 'content-length': String(jsonBody.length) }

describe('the guard', () => {
  const guard = (req: NextRequest) =>
    checkRequest({ method: req.method, pathname: req.nextUrl.pathname, headers: req.headers, allowedHosts })

  it('refuses a cross-origin form POST', () => {
    const form = 'name=x&url=https%3A%2F%2Fevil.example'
    const v = guard(
      request(
        'POST',
        '/api/sites',
        { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        form,
      ),
    )
    expect(v).toMatchObject({ ok: false, status: 403, code: 'forbidden' })
  })

  it('refuses a text/plain POST that has no Origin', () => {
    const v = guard(request('POST', '/api/backups/bulk', { 'content-type': 'text/plain', 'content-length': '2' }))
    expect(v).toMatchObject({ ok: false, status: 415, code: 'unsupported_media_type' })
  })

  it('refuses a foreign Host', () => {
    expect(guard(request('GET', '/api/sites', { host: 'rebind.evil.example:3000' }))).toMatchObject({ status: 421 })
  })

  it('refuses a 1 MB Content-Length', () => {
    const v = guard(request('POST', '/api/sites', { 'content-type': 'application/json', 'content-length': `${MB}` }))
    expect(v).toMatchObject({ ok: false, status: 413, code: 'payload_too_large' })
  })

  it('passes same-origin JSON and GETs', () => {
    expect(guard(request('POST', '/api/sites', { ...json, origin: BASE, 'sec-fetch-site': 'same-origin' })).ok).toBe(
      true,
    )
    expect(guard(request('GET', '/api/sites', {})).ok).toBe(true)
  })
})

describe('proxy.ts', () => {
  const passes = (res: Response) => res.headers.get('x-middleware-next') === '1'

  it('refuses a cross-origin form POST with the error envelope', async () => {
    const res = await proxy(
      request(
        'POST',
        '/api/sites',
        { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        'name=x',
      ),
    )
    expect(await refusal(res)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
  })

  it('refuses a text/plain POST: 415', async () => {
    const headers = { 'content-type': 'text/plain', 'content-length': String(jsonBody.length) }
    const res = await proxy(request('POST', '/api/sites', headers, jsonBody))
    expect(await refusal(res)).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } })
  })

  it('refuses a foreign Host: 421 JSON for the API, a plain page otherwise', async () => {
    const api = await proxy(request('GET', '/api/health', { host: 'evil.example' }))
    expect(await refusal(api)).toMatchObject({ status: 421, body: { error: { code: 'misdirected_request' } } })
    const page = await proxy(request('GET', '/sites', { host: 'evil.example' }))
    expect(page.status).toBe(421)
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/)
  })

  it('refuses a 1 MB body by its Content-Length: 413', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(MB) })
    const headers = { 'content-type': 'application/json', 'content-length': String(big.length) }
    const res = await proxy(request('POST', '/api/sites', headers, big))
    expect(await refusal(res)).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } })
  })

  it('refuses a 1 MB chunked body after reading only a little over 64 KB of it', async () => {
    const { body, counter } = chunked(MB)
    const headers = { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
    const res = await proxy(request('POST', '/api/sites', headers, body))
    expect(res.status).toBe(413)
    expect(counter.pulled).toBeLessThan(200 * 1024)
  })

  it('lets same-origin JSON, a small chunked body, a bodiless POST and GETs through', async () => {
    expect(passes(await proxy(request('POST', '/api/sites', { ...json, origin: BASE }, jsonBody)))).toBe(true)
    const small = chunked(32 * 1024)
    const te = { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
    expect(passes(await proxy(request('POST', '/api/sites', te, small.body)))).toBe(true)
    expect(passes(await proxy(request('POST', '/api/runs/r1/cancel', { origin: BASE })))).toBe(true)
    expect(passes(await proxy(request('GET', '/api/health', {})))).toBe(true)
    expect(passes(await proxy(request('GET', '/', { host: 'localhost:3000' })))).toBe(true)
  })
})

describe('readJsonBody', () => {
  const plainRequest = (headers: Record<string, string>, body?: BodyInit) =>
    new Request(`${BASE}/api/sites`, {
      method: 'POST',
      headers,
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit)
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    )

  it('caps a chunked 1 MB body without Content-Length: 413, and stops reading', async () => {
    const { body, counter } = chunked(MB)
    const req = plainRequest({ 'content-type': 'application/json' }, body)
    expect(req.headers.get('content-length')).toBeNull()
    expect(await codeOf(readJsonBody(req))).toBe('payload_too_large')
    expect(counter.pulled).toBeLessThan(200 * 1024)
  })

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const req = plainRequest({ 'content-type': 'application/json', 'content-length': `${MB}` }, '{}')
    expect(await codeOf(readJsonBody(req))).toBe('payload_too_large')
  })

  it('parses JSON, gives {} for no body, refuses other types and bad JSON', async () => {
    expect(await readJsonBody(plainRequest({ 'content-type': 'application/json; charset=utf-8' }, jsonBody))).toEqual(
      JSON.parse(jsonBody),
    )
    expect(await readJsonBody(plainRequest({}))).toEqual({})
    expect(await readJsonBody(plainRequest({ 'content-type': 'application/json' }, ' '))).toEqual({})
    expect(await codeOf(readJsonBody(plainRequest({ 'content-type': 'text/plain' }, jsonBody)))).toBe(
      'unsupported_media_type',
    )
    expect(await codeOf(readJsonBody(plainRequest({}, new Blob([jsonBody]))))).toBe('unsupported_media_type')
    const bad = readJsonBody(plainRequest({ 'content-type': 'application/json' }, '{"name":'))
    await expect(bad).rejects.toThrow('The request body is not valid JSON.')
    expect(await codeOf(bad)).toBe('bad_request')
    const latin1 = new Uint8Array([0x22, 0xe9, 0x22])
    expect(await codeOf(readJsonBody(plainRequest({ 'content-type': 'application/json' }, latin1)))).toBe('bad_request')
  })

  it('takes exactly 64 KB', async () => {
    const exact = `"${'x'.repeat(64 * 1024 - 2)}"`
    expect(await readJsonBody(plainRequest({ 'content-type': 'application/json' }, exact))).toHaveLength(64 * 1024 - 2)
    const over = `"${'x'.repeat(64 * 1024 - 1)}"`
    expect(await codeOf(readJsonBody(plainRequest({ 'content-type': 'application/json' }, over)))).toBe(
      'payload_too_large',
    )
  })
})

describe('file modes', () => {
  let dir: string
  const saved = { ...process.env }
  beforeAll(async () => {
    await disconnectDb()
    dir = mkdtempSync(path.join(os.tmpdir(), 'stepwise-modes-'))
  })
  afterAll(async () => {
    await disconnectDb()
    process.env = saved
    resetConfigForTests()
    rmSync(dir, { recursive: true, force: true })
  })
  const modeOf = (p: string) => statSync(p).mode & 0o777

  it('creates the data folder 0700 and the SQLite file 0600', async () => {
    const data = path.join(dir, 'fresh', 'data')
    process.env.STEPWISE_DATA_DIR = data
    process.env.DATABASE_URL = `file:${path.join(data, 'stepwise.db')}`
    resetConfigForTests()
    await db().$queryRawUnsafe('PRAGMA journal_mode = WAL')
    await db().$queryRawUnsafe('CREATE TABLE t (x INTEGER)')
    expect(modeOf(data)).toBe(0o700)
    expect(modeOf(path.join(data, 'stepwise.db'))).toBe(0o600)
    expect(modeOf(path.join(data, 'stepwise.db-wal'))).toBe(0o600)
    await disconnectDb()
  })

  it('tightens an existing 0755 folder and 0644 files', async () => {
    const data = path.join(dir, 'old')
    mkdirSync(data, { mode: 0o755 })
    chmodSync(data, 0o755)
    for (const f of ['stepwise.db', 'stepwise.db-wal', 'stepwise.db-shm']) {
      writeFileSync(path.join(data, f), '')
      chmodSync(path.join(data, f), 0o644)
    }
    process.env.STEPWISE_DATA_DIR = data
    process.env.DATABASE_URL = `file:${path.join(data, 'stepwise.db')}`
    resetConfigForTests()
    db()
    expect(modeOf(data)).toBe(0o700)
    for (const f of ['stepwise.db', 'stepwise.db-wal', 'stepwise.db-shm'])
      expect(modeOf(path.join(data, f))).toBe(0o600)
    await disconnectDb()
  })
})

describe('client address (X-Forwarded-For)', () => {
  const forwarded = (res: Response) => res.headers.get('x-middleware-request-x-forwarded-for')

  it('without a trusted proxy a client-written X-Forwarded-For is dropped', async () => {
    const res = await proxy(request('GET', '/api/sites', { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' }))
    expect(forwarded(res)).toBeNull()
    expect(res.headers.get('x-middleware-request-x-real-ip')).toBeNull()
  })

  it('behind a trusted proxy only the last address (the one the proxy saw) is kept', async () => {
    process.env.STEPWISE_TRUST_PROXY = 'on'
    resetConfigForTests()
    try {
      const res = await proxy(request('GET', '/api/sites', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }))
      expect(forwarded(res)).toBe('203.0.113.9')
    } finally {
      delete process.env.STEPWISE_TRUST_PROXY
      resetConfigForTests()
    }
  })
})
