// The build's static files in Brotli (lib/runtime/static-brotli.mjs): the same bytes, Next's headers,
// and every request it should not answer left to Next.
import http from 'node:http'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptsBrotli, compressStaticFiles, staticBrotli } from './static-brotli.mjs'

const root = path.resolve(import.meta.dirname, '../..')
let tmp: string
let server: http.Server
let base: string
const js = `console.log(${JSON.stringify('stepwise '.repeat(2000))})\n`

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'stepwise-brotli-'))
  mkdirSync(path.join(tmp, 'static/chunks'), { recursive: true })
  writeFileSync(path.join(tmp, 'static/chunks/app.js'), js)
  writeFileSync(path.join(tmp, 'static/chunks/site.css'), `.a{color:red}\n`.repeat(500))
  writeFileSync(path.join(tmp, 'static/chunks/logo.svg'), '<svg/>'.repeat(500))
  const brotli = await staticBrotli({ dir: root, distDir: path.relative(root, tmp) })
  await brotli.done
  server = http.createServer((req, res) => {
    if (brotli.serve(req, res)) return
    res.setHeader('x-served-by', 'next')
    res.end('from next')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => {
  server?.close()
  rmSync(tmp, { recursive: true, force: true })
})

/** A raw request (fetch would decode the body itself). */
function get(p: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const { hostname, port } = new URL(base)
    // path as given (a URL would resolve the dot segments before sending)
    const req = http.request({ hostname, port, path: p, method, headers }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (c: Buffer) => parts.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('static files in Brotli', () => {
  it('sends the same bytes in Brotli with the headers Next gives the file', async () => {
    const r = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(r.status).toBe(200)
    expect(r.headers['content-encoding']).toBe('br')
    expect(r.headers['content-type']).toBe('application/javascript; charset=UTF-8')
    expect(r.headers['vary']).toBe('Accept-Encoding')
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(r.headers['content-security-policy']).toContain("default-src 'self'")
    expect(r.headers['x-frame-options']).toBe('DENY')
    expect(Number(r.headers['content-length'])).toBe(r.body.length)
    expect(r.body.length).toBeLessThan(js.length / 10)
    expect(brotliDecompressSync(r.body).toString()).toBe(js)
    // A query string (a deployment id) names the same file; HEAD has the headers and no body.
    const q = await get('/_next/static/chunks/app.js?dpl=abc', { 'accept-encoding': 'br' })
    expect(brotliDecompressSync(q.body).toString()).toBe(js)
    const h = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'br' }, 'HEAD')
    expect(h.headers['content-encoding']).toBe('br')
    expect(h.body.length).toBe(0)
    const css = await get('/_next/static/chunks/site.css', { 'accept-encoding': 'br' })
    expect(css.headers['content-type']).toBe('text/css; charset=UTF-8')
  })

  it('answers a revalidation with its ETag with 304', async () => {
    const first = await get('/_next/static/chunks/app.js', { 'accept-encoding': 'br' })
    const again = await get('/_next/static/chunks/app.js', {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers.etag),
    })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
  })

  it('leaves to Next what it should not answer', async () => {
    const next = async (p: string, headers: Record<string, string>, method = 'GET') =>
      (await get(p, headers, method)).headers['x-served-by']
    expect(await next('/_next/static/chunks/app.js', { 'accept-encoding': 'gzip, deflate' })).toBe('next')
    expect(await next('/_next/static/chunks/app.js', {})).toBe('next')
    expect(await next('/_next/static/chunks/app.js', { 'accept-encoding': 'br;q=0, gzip' })).toBe('next')
    expect(await next('/_next/static/chunks/app.js', { 'accept-encoding': 'br', range: 'bytes=0-10' })).toBe('next')
    expect(await next('/_next/static/chunks/app.js', { 'accept-encoding': 'br' }, 'POST')).toBe('next')
    expect(await next('/_next/static/chunks/logo.svg', { 'accept-encoding': 'br' })).toBe('next')
    expect(await next('/_next/static/chunks/missing.js', { 'accept-encoding': 'br' })).toBe('next')
    expect(await next('/_next/static/chunks/../chunks/app.js', { 'accept-encoding': 'br' })).toBe('next')
    expect(await next('/static/chunks/app.js', { 'accept-encoding': 'br' })).toBe('next')
  })

  it('keeps each compressed file beside its source, made once per build', async () => {
    const br = path.join(tmp, 'static/chunks/app.js.br')
    expect(brotliDecompressSync(readFileSync(br)).toString()).toBe(js)
    expect(existsSync(path.join(tmp, 'static/chunks/logo.svg.br'))).toBe(false)
    const made = statSync(br).mtimeMs
    await compressStaticFiles(path.join(tmp, 'static'))
    expect(statSync(br).mtimeMs).toBe(made)
  })

  it('reads Accept-Encoding as browsers send it', () => {
    expect(acceptsBrotli('gzip, deflate, br, zstd')).toBe(true)
    expect(acceptsBrotli('BR;q=0.5')).toBe(true)
    expect(acceptsBrotli('br;q=0')).toBe(false)
    expect(acceptsBrotli('brotli, gzip')).toBe(false)
    expect(acceptsBrotli(undefined)).toBe(false)
  })
})
