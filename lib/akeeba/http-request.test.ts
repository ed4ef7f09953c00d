// The outbound guard inside the transport: one DNS question per call, the socket goes to the checked
// address, the Host header stays the site's name, a refused address is a transport AkeebaError.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { resetConfigForTests } from '../config'
import { setResolverForTests } from '../net-guard/resolve-guarded'
import { isRefusedAddress } from '../net-guard/refused-address'
import { openRequest, readText } from './http-request'
import { AkeebaError } from './types'
import { startTestServer, type TestServer } from './test-server.test-helper'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer((_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'))
})
afterAll(() => server.close())
afterEach(() => {
  setResolverForTests(null)
  process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS = 'true'
  resetConfigForTests()
})

const get = (host: string, connectTimeoutMs = 2000) =>
  openRequest({
    url: new URL(`http://${host}:${server.port}/x`),
    method: 'GET',
    headers: {},
    connectTimeoutMs,
    timeoutMs: 5000,
  })

describe('openRequest behind the address guard', () => {
  it('connects to the address the guard resolved, with the site name as Host', async () => {
    let asked = 0
    setResolverForTests(async () => {
      asked++
      return [{ address: '127.0.0.1', family: 4 }]
    })
    const open = await get('site.example')
    expect(await readText(open, 1024)).toBe('hello')
    expect(asked).toBe(1)
    expect(server.seen.at(-1)?.headers.host).toBe(`site.example:${server.port}`)
  })

  it('refuses loopback when the switch is off, before any connection', async () => {
    process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS = 'false'
    resetConfigForTests()
    setResolverForTests(async () => [{ address: '127.0.0.1', family: 4 }])
    const before = server.seen.length
    const err = await get('site.example').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AkeebaError)
    expect((err as AkeebaError).kind).toBe('transport')
    expect(isRefusedAddress((err as AkeebaError).cause)).toBe(true)
    expect((err as AkeebaError).message).toMatch(/site\.example resolves to 127\.0\.0\.1, a loopback address/)
    expect(server.seen.length).toBe(before)
    await expect(get('127.0.0.1')).rejects.toThrow(/127\.0\.0\.1 is a loopback address/)
  })

  it('a second, different DNS answer is never asked for (no rebinding)', async () => {
    const replies = ['203.0.113.7', '127.0.0.1']
    let asked = 0
    setResolverForTests(async () => [{ address: replies[Math.min(asked++, 1)], family: 4 }])
    const before = server.seen.length
    // 203.0.113.0/24 is TEST-NET-3: nothing answers there; the call fails or times out.
    await expect(get('rebind.example', 300)).rejects.toBeInstanceOf(AkeebaError)
    expect(asked).toBe(1)
    expect(server.seen.length).toBe(before)
  })
})
