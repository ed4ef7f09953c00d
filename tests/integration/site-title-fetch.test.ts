// The suggested name's page fetch: the home page's title through the outbound guard, redirects
// followed (each hop checked), reading stopped after the title or at the cap, non-HTML and error
// answers ignored, a refused address never asked.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetConfigForTests } from '@/lib/config'
import { fetchSiteTitle } from '@/lib/sites/fetch-site-title'

let server: http.Server
let base = ''
const hits: string[] = []

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    const url = req.url ?? '/'
    if (url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Plain &amp; Simple</title>')
    if (url === '/redirect/') return res.writeHead(301, { location: '/en/' }).end()
    if (url === '/en/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<title>English Home</title>')
    if (url === '/loop/') return res.writeHead(302, { location: '/loop/' }).end()
    if (url === '/json/') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"x"}')
    if (url === '/error/') return res.writeHead(500, { 'content-type': 'text/html' }).end('<title>Real Name</title>')
    if (url === '/latin1/')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' })
        .end(Buffer.from('<title>Caf\xe9 M\xfcller</title>', 'latin1'))
    if (url === '/endless/') {
      // A title, then a body that never ends: reading stops after the title.
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<html><head><title>Streaming Shop</title></head><body>')
      const t = setInterval(() => res.write('x'.repeat(1024)), 5)
      res.on('close', () => clearInterval(t))
      return
    }
    if (url === '/huge/') {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<html><head>')
      const t = setInterval(() => res.write('<meta name="x" content="' + 'y'.repeat(8192) + '">'), 1)
      res.on('close', () => clearInterval(t))
      return
    }
    if (url === '/slow/') return setTimeout(() => res.end('<title>Too Late</title>'), 10_000)
    res.writeHead(404).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
  process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS = 'true'
  resetConfigForTests()
})

describe('fetchSiteTitle', () => {
  it("reads the site root's title, whatever address was pasted", async () => {
    expect(await fetchSiteTitle(`${base}/`)).toBe('Plain & Simple')
    expect(await fetchSiteTitle(`${base}/wp-admin/admin-ajax.php?action=akeebabackup_api`)).toBe('Plain & Simple')
  })
  it('follows a redirect, gives up on a loop', async () => {
    expect(await fetchSiteTitle(`${base}/redirect/`)).toBe('English Home')
    hits.length = 0
    expect(await fetchSiteTitle(`${base}/loop/`)).toBeNull()
    expect(hits.length).toBe(4)
  })
  it('ignores non-HTML and error answers', async () => {
    expect(await fetchSiteTitle(`${base}/json/`)).toBeNull()
    expect(await fetchSiteTitle(`${base}/error/`)).toBeNull()
    expect(await fetchSiteTitle(`${base}/missing/`)).toBeNull()
  })
  it('decodes the charset the server names', async () => {
    expect(await fetchSiteTitle(`${base}/latin1/`)).toBe('Café Müller')
  })
  it('stops reading after the title, and at the size cap', async () => {
    const t0 = Date.now()
    expect(await fetchSiteTitle(`${base}/endless/`)).toBe('Streaming Shop')
    expect(await fetchSiteTitle(`${base}/huge/`)).toBeNull()
    expect(Date.now() - t0).toBeLessThan(4_000)
  })
  it('gives up at the deadline', async () => {
    const t0 = Date.now()
    expect(await fetchSiteTitle(`${base}/slow/`, { timeoutMs: 300 })).toBeNull()
    expect(Date.now() - t0).toBeLessThan(2_000)
  })
  it('never asks an address the outbound guard refuses', async () => {
    process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS = 'false'
    resetConfigForTests()
    hits.length = 0
    expect(await fetchSiteTitle(`${base}/`)).toBeNull()
    expect(hits).toEqual([])
    process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS = 'true'
    resetConfigForTests()
  })
})
