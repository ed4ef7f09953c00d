// A site that echoes the key back (PHP escapes "/" as "\/" in JSON, others URL-encode or base64 it)
// never gets the key into what Stepwise stores or shows: over real HTTP, through the real client.
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AkeebaClient } from '@/lib/akeeba/client'
import { AkeebaError } from '@/lib/akeeba/types'
import { keyForms } from '@/lib/akeeba/redact'
import { exchange } from '@/lib/akeeba/fixtures.test-helper'
import { json, startTestServer, type TestServer } from '@/lib/akeeba/test-server.test-helper'

const KEY = 'Echo/Key+0123456789/abc=='
const phpEscaped = (s: string) => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/')

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

const client = () =>
  new AkeebaClient({
    endpoint: { url: `${server.base}/wp-admin/admin-ajax.php?action=akeebabackup_api`, platform: 'wordpress' },
    key: KEY,
    timeoutMs: 3_000,
    connectTimeoutMs: 2_000,
  })

const echoes = (k: string) => [
  k,
  phpEscaped(k),
  encodeURIComponent(k),
  Buffer.from(k).toString('base64'),
  Buffer.from(k).toString('base64url'),
]

describe('the key never comes back', () => {
  it('in a 200 answer that carries it in every form', async () => {
    const version = exchange('akeeba-wp-9.1.1', '01', 0).response!.body
    server.handle((_q, res) => json(res, version.replace('9.1.1', echoes(KEY).join(' | '))))
    const r = await client().getVersion()
    for (const form of keyForms(KEY)) expect(r.raw.body).not.toContain(form)
    expect(r.raw.body).toContain('[redacted]')
  })

  it('in an error answer (PHP-escaped) or an HTML page: neither the message nor the stored body has it', async () => {
    const errors: AkeebaError[] = []
    server.handle((q, res) =>
      json(res, `{"status":403,"data":"Access denied for ${phpEscaped(String(q.headers['x-akeeba-auth']))}"}`),
    )
    errors.push(
      await client()
        .getVersion()
        .then(
          () => {
            throw new Error('expected a failure')
          },
          (e: AkeebaError) => e,
        ),
    )
    server.handle((_q, res: http.ServerResponse) => {
      res.writeHead(500, { 'content-type': 'text/html' })
      res.end(
        `<html><title>Blocked ${encodeURIComponent(KEY)}</title><body>${Buffer.from(KEY).toString('base64')}</body></html>`,
      )
    })
    errors.push(
      await client()
        .getVersion()
        .then(
          () => {
            throw new Error('expected a failure')
          },
          (e: AkeebaError) => e,
        ),
    )
    const dump = JSON.stringify(errors.map((e) => ({ message: e.message, raw: e.raw })))
    for (const form of keyForms(KEY)) expect(dump).not.toContain(form)
  })
})
