// Sign-in, sessions, roles, tokens and setup through the real routes and better-auth's endpoints,
// on a real database (SQLite and PostgreSQL legs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as meRoute } from '@/app/api/me/route'
import { GET as setupGet, POST as setupPost } from '@/app/api/setup/route'
import { GET as sitesRoute } from '@/app/api/sites/route'
import { PATCH as patchUser } from '@/app/api/users/[id]/route'
import { GET as auditRoute } from '@/app/api/audit/route'
import { listUsers } from '@/lib/auth/users'
import { resetConfigForTests } from '@/lib/config'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { authPost, bearerFor, cookiesOf, signIn, signedInAs, TEST_PASSWORD } from './helpers/auth'

let tdb: TestDb
beforeAll(async () => {
  tdb = await freshDatabase()
})
afterAll(async () => {
  await tdb.cleanup()
})

const noCtx = { params: Promise.resolve({}) }
const get = (url: string, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1:3000${url}`, { headers })
const jsonReq = (method: string, url: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1:3000${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('first start', () => {
  it('setup is open while no user exists, creates the owner once, then refuses', async () => {
    expect(await (await setupGet(get('/api/setup'), noCtx)).json()).toEqual({ needed: true, codeRequired: false })
    const bad = await setupPost(jsonReq('POST', '/api/setup', { email: 'owner@agency.test', password: 'short' }), noCtx)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.field).toBe('password')
    const ok = await setupPost(
      jsonReq('POST', '/api/setup', { email: 'Owner@Agency.test', password: TEST_PASSWORD, name: 'Olga' }),
      noCtx,
    )
    expect(ok.status).toBe(201)
    expect((await ok.json()).user).toMatchObject({ email: 'owner@agency.test', role: 'owner' })
    const again = await setupPost(
      jsonReq('POST', '/api/setup', { email: 'x@agency.test', password: TEST_PASSWORD }),
      noCtx,
    )
    expect(again.status).toBe(409)
    expect(await (await setupGet(get('/api/setup'), noCtx)).json()).toMatchObject({ needed: false })
  })

  it('behind a public URL (a proxy on this machine) setup needs the code too', async () => {
    process.env.STEPWISE_PUBLIC_URL = 'https://backups.agency.example'
    resetConfigForTests()
    try {
      const { setupState } = await import('@/lib/auth/setup')
      expect((await setupState()).codeRequired).toBe(true)
    } finally {
      delete process.env.STEPWISE_PUBLIC_URL
      resetConfigForTests()
    }
  })

  it('on a non-loopback address setup needs the code from the log', async () => {
    process.env.HOST = '0.0.0.0'
    resetConfigForTests()
    try {
      const { setupState } = await import('@/lib/auth/setup')
      expect((await setupState()).codeRequired).toBe(true)
    } finally {
      delete process.env.HOST
      resetConfigForTests()
    }
  })
})

describe('sign-in', () => {
  it('the owner signs in with e-mail and password: an HttpOnly SameSite=Lax session cookie, stored as argon2id', async () => {
    const { res, cookie } = await signIn('owner@agency.test')
    expect(res.status).toBe(200)
    const set = res.headers.getSetCookie().join('\n')
    expect(set).toMatch(/stepwise\.session_token=/)
    expect(set).toMatch(/HttpOnly/i)
    expect(set).toMatch(/SameSite=Lax/i)
    const me = await meRoute(get('/api/me', { cookie }), noCtx)
    expect(await me.json()).toMatchObject({ actor: { kind: 'user', label: 'owner@agency.test', role: 'owner' } })
    const { db } = await import('@/lib/db/client')
    const acc = await db().account.findFirst({
      where: { providerId: 'credential', user: { email: 'owner@agency.test' } },
    })
    expect(acc?.password).toMatch(/^\$argon2id\$/)
  })

  it('a wrong password is refused and no session is made', async () => {
    const { res, cookie } = await signIn('owner@agency.test', 'wrong password!!')
    expect(res.status).toBe(401)
    expect(cookie).not.toMatch(/session_token/)
  })

  it('sign-up is closed', async () => {
    const r = await authPost('/sign-up/email', { email: 'intruder@x.test', password: TEST_PASSWORD, name: 'x' })
    expect(r.status).toBeGreaterThanOrEqual(400)
    expect((await listUsers()).some((u) => u.email === 'intruder@x.test')).toBe(false)
  })

  it('anonymous requests get 401; a cookie from a signed-out session too', async () => {
    expect((await sitesRoute(get('/api/sites'), noCtx)).status).toBe(401)
    const { cookie } = await signIn('owner@agency.test')
    expect((await sitesRoute(get('/api/sites', { cookie }), noCtx)).status).toBe(200)
    const out = await authPost('/sign-out', {}, cookie)
    expect(out.status).toBe(200)
    expect((await sitesRoute(get('/api/sites', { cookie }), noCtx)).status).toBe(401)
  })

  it('a disabled user cannot sign in, and their open sessions end', async () => {
    const viewer = await signedInAs('viewer')
    const admin = await signedInAs('admin')
    const id = (await listUsers()).find((u) => u.email === viewer.email)!.id
    const r = await patchUser(jsonReq('PATCH', `/api/users/${id}`, { disabled: true }, { cookie: admin.cookie }), {
      params: Promise.resolve({ id }),
    })
    expect(r.status).toBe(200)
    expect((await sitesRoute(get('/api/sites', { cookie: viewer.cookie }), noCtx)).status).toBe(401)
    expect((await signIn(viewer.email)).res.status).toBeGreaterThanOrEqual(400)
  })
})

describe('API tokens', () => {
  it('Bearer token works with its role; a wrong one is 401', async () => {
    const viewer = await bearerFor('viewer')
    expect((await sitesRoute(get('/api/sites', { authorization: viewer }), noCtx)).status).toBe(200)
    expect((await sitesRoute(get('/api/sites', { authorization: 'Bearer sw_nope' }), noCtx)).status).toBe(401)
  })
})

describe('audit trail', () => {
  it('sign-ins, failures and user changes are recorded with the actor', async () => {
    const admin = await signedInAs('admin')
    const r = await auditRoute(get('/api/audit?action=user.', { cookie: admin.cookie }), noCtx)
    const events = (await r.json()).events as { action: string; actor: string | null }[]
    expect(events.some((e) => e.action === 'user.signed_in' && e.actor === admin.email)).toBe(true)
    expect(events.some((e) => e.action === 'user.sign_in_failed' && e.actor === 'owner@agency.test')).toBe(true)
    expect(events.some((e) => e.action === 'user.disabled' && e.actor?.startsWith('admin-'))).toBe(true)
  })

  it('cookies from the helpers round-trip', () => {
    expect(
      cookiesOf(
        new Response(null, {
          headers: [
            ['set-cookie', 'a=1; Path=/'],
            ['set-cookie', 'b=2; Path=/'],
          ],
        }),
      ),
    ).toBe('a=1; b=2')
  })
})

describe('two-factor reset by an admin', () => {
  it('DELETE /api/users/{id}/two-factor turns it off and ends the sessions', async () => {
    const { DELETE: resetRoute } = await import('@/app/api/users/[id]/two-factor/route')
    const user = await signedInAs('operator')
    const admin = await signedInAs('admin')
    const id = (await listUsers()).find((u) => u.email === user.email)!.id
    const { db } = await import('@/lib/db/client')
    await db().user.update({ where: { id }, data: { twoFactorEnabled: true } })
    await db().twoFactor.create({ data: { id: `tf-${id}`, secret: 'x', backupCodes: 'y', userId: id } })
    const r = await resetRoute(
      new Request(`http://127.0.0.1:3000/api/users/${id}/two-factor`, {
        method: 'DELETE',
        headers: { cookie: admin.cookie },
      }),
      { params: Promise.resolve({ id }) },
    )
    expect(r.status).toBe(200)
    expect((await listUsers()).find((u) => u.id === id)!.twoFactorEnabled).toBe(false)
    expect(await db().twoFactor.count({ where: { userId: id } })).toBe(0)
    expect((await sitesRoute(get('/api/sites', { cookie: user.cookie }), noCtx)).status).toBe(401)
  })
})
