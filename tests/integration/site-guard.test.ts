// The outbound address guard seen from the API: a site address (or its DNS answer) on an internal
// network is a 422 on the url field with the reason, on add, check and URL change; a second DNS answer
// is never used to connect (rebinding); the allow switch opens loopback and private networks but never
// metadata addresses. DNS is answered by the test (setResolverForTests): no real DNS is needed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { POST as createSiteRoute } from '@/app/api/sites/route'
import { POST as checkRoute } from '@/app/api/sites/check/route'
import { PATCH as patchSiteRoute } from '@/app/api/sites/[id]/route'
import { resetConfigForTests } from '@/lib/config'
import { setResolverForTests, type ResolvedAddress } from '@/lib/net-guard/resolve-guarded'
import { isRefusedAddress } from '@/lib/net-guard/refused-address'
import { AkeebaClient } from '@/lib/akeeba/client'
import { AkeebaError } from '@/lib/akeeba/types'
import { db } from '@/lib/db/client'
import { startHarness, type Harness } from './helpers/engine-harness'
import { bearerFor } from './helpers/auth'

let h: Harness
let adminAuth = ''
beforeAll(async () => {
  h = await startHarness()
  adminAuth = await bearerFor('admin')
  // vitest.config.mts turns the switch on for the loopback fake sites; these tests start with it off.
  allowPrivate(false)
})
afterAll(async () => {
  setResolverForTests(null)
  allowPrivate(true)
  await h.close()
})
afterEach(() => {
  setResolverForTests(null)
  allowPrivate(false)
})

function allowPrivate(on: boolean) {
  process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS = on ? 'true' : 'false'
  resetConfigForTests()
}

const req = (method: string, url: string, body?: unknown) =>
  new Request(`http://stepwise.test${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: adminAuth },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
const ctx = (id: string) => ({ params: Promise.resolve({ id }) })
const noCtx = { params: Promise.resolve({}) }

/** DNS for the test: every name resolves to `address`; counts the questions. */
function resolveTo(...addresses: string[]) {
  const asked: string[] = []
  setResolverForTests(async (host) => {
    asked.push(host)
    const address = addresses[Math.min(asked.length - 1, addresses.length - 1)]
    return [{ address, family: address.includes(':') ? 6 : 4 } satisfies ResolvedAddress]
  })
  return asked
}

/** A fake site's root under another host name (the fleet listens on 127.0.0.1 and routes by path). */
function urlAs(siteId: string, host: string): string {
  const u = new URL(h.fleet.url(siteId))
  u.hostname = host
  return u.toString()
}

const keyOf = (id: string) => `Key-${id}-0123456789abcdef`

function fakeSite(id: string) {
  if (!h.fleet.has(id)) h.fleet.addSite({ id, persona: 'wordpress', key: keyOf(id) })
  return id
}

const REFUSED: [string, RegExp][] = [
  ['127.0.0.1', /loopback/],
  ['127.9.9.9', /loopback/],
  ['::1', /loopback/],
  ['10.0.0.5', /private/],
  ['172.16.4.4', /private/],
  ['192.168.1.20', /private/],
  ['fc00::5', /private/],
  ['fd12:3456::5', /private/],
  ['169.254.1.1', /link-local/],
  ['fe80::1', /link-local/],
  ['169.254.169.254', /metadata/],
  ['169.254.170.2', /metadata/],
  ['fd00:ec2::254', /metadata/],
  ['100.100.100.200', /metadata/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['224.0.0.1', /multicast/],
  ['ff02::1', /multicast/],
  ['0.0.0.0', /unspecified/],
  ['::', /unspecified/],
  ['255.255.255.255', /broadcast/],
  ['::ffff:127.0.0.1', /loopback/],
  ['::ffff:10.0.0.5', /private/],
  ['::ffff:169.254.169.254', /metadata/],
]

describe('refused ranges (STEPWISE_ALLOW_PRIVATE_NETWORKS off)', () => {
  it.each(REFUSED)('a host resolving to %s → 422 on url with the reason, nothing saved', async (address, label) => {
    const id = fakeSite('guard-range')
    resolveTo(address)
    const before = await db().site.count()
    const callsBefore = h.fleet.calls(id).length
    const res = await createSiteRoute(
      req('POST', '/api/sites', { name: 'x', url: urlAs(id, 'target.example'), key: keyOf(id) }),
      noCtx,
    )
    expect(res.status).toBe(422)
    const { error } = await res.json()
    expect(error).toMatchObject({ code: 'unprocessable', field: 'url', details: { cause: 'refused_address' } })
    expect(error.message).toContain(`target.example resolves to ${address}`)
    expect(error.message).toMatch(label)
    expect(await db().site.count()).toBe(before)
    expect(h.fleet.calls(id).length).toBe(callsBefore)
  })

  it('the reason names the switch for private ranges, and never offers it for metadata', async () => {
    const id = fakeSite('guard-range')
    resolveTo('10.0.0.5')
    const priv = await (
      await checkRoute(req('POST', '/api/sites/check', { url: urlAs(id, 'lan.example'), key: keyOf(id) }), noCtx)
    ).json()
    expect(priv.error.message).toBe(
      'Stepwise does not connect to this address: lan.example resolves to 10.0.0.5, a private address; ' +
        'set STEPWISE_ALLOW_PRIVATE_NETWORKS=true if your sites are on your own network.',
    )
    resolveTo('169.254.169.254')
    const meta = await checkRoute(
      req('POST', '/api/sites/check', { url: urlAs(id, 'meta.example'), key: keyOf(id) }),
      noCtx,
    )
    expect(meta.status).toBe(422)
    const body = await meta.json()
    expect(body.error.field).toBe('url')
    expect(body.error.message).not.toMatch(/STEPWISE_ALLOW_PRIVATE_NETWORKS=true if/)
  })

  it('an IP literal in the URL is checked too, and "save anyway" does not save a refused address', async () => {
    const id = fakeSite('guard-range')
    const before = await db().site.count()
    const res = await createSiteRoute(
      req('POST', '/api/sites', { name: 'x', url: h.fleet.url(id), key: keyOf(id), saveIfUnreachable: true }),
      noCtx,
    )
    expect(res.status).toBe(422)
    expect((await res.json()).error.message).toMatch(/127\.0\.0\.1 is a loopback address/)
    expect(await db().site.count()).toBe(before)
  })
})

describe('DNS rebinding', () => {
  it('a public first answer and 127.0.0.1 second never lead to a connection to 127.0.0.1', async () => {
    const id = fakeSite('guard-rebind')
    const asked = resolveTo('203.0.113.7', '127.0.0.1')
    const res = await checkRoute(
      req('POST', '/api/sites/check', { url: urlAs(id, 'rebind.example'), key: keyOf(id) }),
      noCtx,
    )
    // 203.0.113.0/24 (TEST-NET-3) answers nothing: the check fails at that address, or a later probe
    // asks DNS again, gets 127.0.0.1 and is refused. Either way the fake site on 127.0.0.1 hears nothing.
    expect([200, 422]).toContain(res.status)
    expect(h.fleet.calls(id)).toEqual([])
    expect(asked.length).toBeGreaterThanOrEqual(1)
  })

  it('one call asks DNS once and connects where that answer points, even with the switch on', async () => {
    allowPrivate(true)
    const id = fakeSite('guard-rebind')
    const asked = resolveTo('203.0.113.7', '127.0.0.1')
    const client = new AkeebaClient({
      endpoint: {
        url: urlAs(id, 'rebind.example') + 'wp-admin/admin-ajax.php?action=akeebabackup_api',
        platform: 'wordpress',
      },
      key: keyOf(id),
      connectTimeoutMs: 300,
      timeoutMs: 2000,
    })
    await expect(client.getVersion()).rejects.toBeInstanceOf(AkeebaError)
    expect(asked).toEqual(['rebind.example'])
    expect(h.fleet.calls(id)).toEqual([])
  })
})

describe('the allow switch', () => {
  it('on: a site on loopback can be added; metadata stays refused', async () => {
    allowPrivate(true)
    const id = fakeSite('guard-lan')
    resolveTo('127.0.0.1')
    const res = await createSiteRoute(
      req('POST', '/api/sites', { name: 'LAN site', url: urlAs(id, 'lan.example'), key: keyOf(id) }),
      noCtx,
    )
    expect(res.status).toBe(201)
    const { site } = await res.json()
    expect(site).toMatchObject({ connectionStatus: 'ok', baseUrl: urlAs(id, 'lan.example') })
    resolveTo('169.254.169.254')
    const meta = await createSiteRoute(
      req('POST', '/api/sites', { name: 'meta', url: urlAs(id, 'meta.example'), key: keyOf(id) }),
      noCtx,
    )
    expect(meta.status).toBe(422)
    expect((await meta.json()).error).toMatchObject({ field: 'url', details: { cause: 'refused_address' } })
  })

  it('off again: every later call to a stored loopback site is refused before it is made', async () => {
    allowPrivate(true)
    const id = fakeSite('guard-later')
    const client = () =>
      new AkeebaClient({ endpoint: { url: h.fleet.endpointUrl(id), platform: 'wordpress' }, key: keyOf(id) })
    await expect(client().getVersion()).resolves.toBeTruthy()
    allowPrivate(false)
    const before = h.fleet.calls(id).length
    const err = await client()
      .listBackups()
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AkeebaError)
    expect(isRefusedAddress((err as AkeebaError).cause)).toBe(true)
    expect(h.fleet.calls(id).length).toBe(before)
  })
})

describe('changing a site URL', () => {
  it('needs the key; a refused new address is a 422 and changes nothing', async () => {
    allowPrivate(true)
    const id = fakeSite('guard-move-a')
    const { site } = await (
      await createSiteRoute(req('POST', '/api/sites', { name: 'move', url: h.fleet.url(id), key: keyOf(id) }), noCtx)
    ).json()
    const noKey = await patchSiteRoute(
      req('PATCH', `/api/sites/${site.id}`, { url: 'https://elsewhere.example/' }),
      ctx(site.id),
    )
    expect(noKey.status).toBe(400)
    expect((await noKey.json()).error).toMatchObject({ code: 'validation_failed', field: 'key' })

    resolveTo('169.254.169.254')
    const refused = await patchSiteRoute(
      req('PATCH', `/api/sites/${site.id}`, { url: 'https://meta.example/', key: keyOf(id) }),
      ctx(site.id),
    )
    expect(refused.status).toBe(422)
    expect((await refused.json()).error).toMatchObject({ field: 'url', details: { cause: 'refused_address' } })
    const row = await db().site.findUniqueOrThrow({ where: { id: site.id } })
    expect(row).toMatchObject({ baseUrl: site.baseUrl, endpointUrl: site.endpointUrl })
  })
})
