import { describe, expect, it } from 'vitest'
import { allowedHostsFrom, isAllowedHost, isAllowedOrigin, parseHostHeader } from './allowed-hosts'

const local = allowedHostsFrom({ listenHost: '127.0.0.1' })
const team = allowedHostsFrom({ publicUrl: 'https://backups.agency.example', listenHost: '0.0.0.0' })
const host = (v: string) => parseHostHeader(v)!

describe('parseHostHeader', () => {
  it('splits name and port, lower-cases, keeps IPv6 brackets', () => {
    expect(parseHostHeader('Example.COM:3000')).toEqual({ hostname: 'example.com', port: '3000' })
    expect(parseHostHeader('[::1]:80')).toEqual({ hostname: '[::1]', port: '80' })
    expect(parseHostHeader('localhost.')).toEqual({ hostname: 'localhost', port: null })
  })

  it('rejects what is not a host', () => {
    for (const v of [null, '', 'a b', 'user@host', 'host/path', 'host:port', '::1', 'h:1:2']) {
      expect(parseHostHeader(v)).toBeNull()
    }
  })
})

describe('allowed hosts', () => {
  it('loopback names with any port, and the listen address when it is a specific one', () => {
    for (const v of ['localhost:3000', '127.0.0.1', '[::1]:9999']) expect(isAllowedHost(host(v), local)).toBe(true)
    expect(isAllowedHost(host('192.168.1.5:3000'), allowedHostsFrom({ listenHost: '192.168.1.5' }))).toBe(true)
    expect(isAllowedHost(host('[fe80::1]:3000'), allowedHostsFrom({ listenHost: 'fe80::1' }))).toBe(true)
    expect(allowedHostsFrom({ listenHost: '0.0.0.0' }).names.has('0.0.0.0')).toBe(false)
  })

  it("STEPWISE_PUBLIC_URL's host and the extra names", () => {
    expect(isAllowedHost(host('backups.agency.example'), team)).toBe(true)
    expect(isAllowedHost(host('lan.box'), allowedHostsFrom({ extraHosts: ['LAN.box'] }))).toBe(true)
  })

  it('refuses any other name: a rebinding page arrives under its own', () => {
    expect(isAllowedHost(host('evil.example:3000'), local)).toBe(false)
    expect(isAllowedHost(host('127.0.0.1.evil.example'), team)).toBe(false)
  })
})

describe('allowed origins', () => {
  it('the exact host and port the request was sent to', () => {
    expect(isAllowedOrigin('http://127.0.0.1:3000', host('127.0.0.1:3000'), local)).toBe(true)
    expect(isAllowedOrigin('https://localhost', host('localhost:443'), local)).toBe(true)
    expect(isAllowedOrigin('http://localhost:8080', host('localhost:3000'), local)).toBe(false)
    expect(isAllowedOrigin('http://localhost:3000', host('127.0.0.1:3000'), local)).toBe(false)
  })

  it('the public origin, also behind a proxy that rewrote Host, and only with its scheme', () => {
    expect(isAllowedOrigin('https://backups.agency.example', host('127.0.0.1:3000'), team)).toBe(true)
    expect(isAllowedOrigin('http://backups.agency.example', host('backups.agency.example'), team)).toBe(false)
  })

  it('refuses foreign, opaque and malformed origins', () => {
    for (const o of ['http://evil.example', 'null', 'http://127.0.0.1:3000/', 'file://', 'nonsense']) {
      expect(isAllowedOrigin(o, host('127.0.0.1:3000'), local)).toBe(false)
    }
  })
})
