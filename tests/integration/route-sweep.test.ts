// Every route under app/api has an access rule, and it holds: each handler is called with no
// credentials, as a viewer (session cookie and token), an operator and an admin. A new route file
// fails here until it is added to ACCESS below — so no route can be added without a rule.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Access } from '@/lib/domain/roles'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { bearerFor, signedInAs } from './helpers/auth'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

/** The access rule of every route and method. `auth` = better-auth's own endpoints (sign-in flow). */
const ACCESS: Record<string, Partial<Record<Method, Access | 'auth'>>> = {
  '/api/archives': { GET: 'viewer' },
  '/api/archives/[id]': { GET: 'viewer', DELETE: 'admin' },
  '/api/archives/[id]/delete-files': { POST: 'admin' },
  '/api/archives/[id]/download': { GET: 'operator' },
  '/api/archives/[id]/download-all': { GET: 'operator' },
  '/api/archives/delete-files': { POST: 'admin' },
  '/api/audit': { GET: 'admin' },
  '/api/auth/[...all]': { GET: 'auth', POST: 'auth' },
  '/api/backups/bulk': { POST: 'operator' },
  '/api/channels': { GET: 'admin', POST: 'admin' },
  '/api/channels/[id]': { GET: 'admin', PATCH: 'admin', DELETE: 'admin' },
  '/api/channels/[id]/test': { POST: 'admin' },
  '/api/deliveries': { GET: 'admin' },
  '/api/health': { GET: 'public' },
  '/api/me': { GET: 'viewer' },
  '/api/openapi.json': { GET: 'public' },
  '/api/metrics': { GET: 'viewer' },
  '/api/retention-policies': { GET: 'viewer', POST: 'admin' },
  '/api/retention-policies/[id]': { GET: 'viewer', PATCH: 'admin', DELETE: 'admin' },
  '/api/retention-policies/[id]/preview': { GET: 'viewer' },
  '/api/reports': { GET: 'viewer' },
  '/api/runs': { GET: 'viewer' },
  '/api/runs/[id]': { GET: 'viewer' },
  '/api/runs/[id]/cancel': { POST: 'operator' },
  '/api/runs/[id]/log': { GET: 'viewer' },
  '/api/schedules': { GET: 'viewer', POST: 'admin' },
  '/api/schedules/[id]': { GET: 'viewer', PATCH: 'admin', DELETE: 'admin' },
  '/api/schedules/preview': { POST: 'viewer' },
  '/api/setup': { GET: 'public', POST: 'public' },
  '/api/sites': { GET: 'viewer', POST: 'admin' },
  '/api/sites/[id]': { GET: 'viewer', PATCH: 'admin', DELETE: 'admin' },
  '/api/sites/[id]/archives': { GET: 'viewer' },
  '/api/sites/[id]/archives/sync': { POST: 'operator' },
  '/api/sites/[id]/backups': { POST: 'operator' },
  '/api/sites/[id]/recheck': { POST: 'operator' },
  '/api/sites/[id]/retention': { GET: 'viewer' },
  '/api/sites/check': { POST: 'admin' },
  '/api/sites/bulk': { POST: 'admin' },
  '/api/sites/bulk-check': { POST: 'admin' },
  '/api/tokens': { GET: 'admin', POST: 'admin' },
  '/api/tokens/[id]': { DELETE: 'admin' },
  '/api/users': { GET: 'admin', POST: 'admin' },
  '/api/users/[id]': { PATCH: 'admin' },
  '/api/users/[id]/sessions': { GET: 'admin', DELETE: 'admin' },
  '/api/users/[id]/sessions/[sessionId]': { DELETE: 'admin' },
  '/api/users/[id]/two-factor': { DELETE: 'admin' },
}

const root = path.resolve(import.meta.dirname, '../..')

function routeFiles(dir = path.join(root, 'app/api')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) return routeFiles(p)
    return name === 'route.ts' ? [p] : []
  })
}

const routeOf = (file: string) =>
  '/' + path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep).join('/')

type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  access?: Access
}

let tdb: TestDb
const who: Record<string, Record<string, string>> = {}
beforeAll(async () => {
  tdb = await freshDatabase()
  who.anonymous = {}
  who['viewer (session)'] = { cookie: (await signedInAs('viewer')).cookie }
  who['viewer (token)'] = { authorization: await bearerFor('viewer') }
  who['operator (session)'] = { cookie: (await signedInAs('operator')).cookie }
  who['operator (token)'] = { authorization: await bearerFor('operator') }
  who['admin (token)'] = { authorization: await bearerFor('admin') }
})
afterAll(async () => {
  await tdb.cleanup()
})

const ALLOWED: Record<string, Access[]> = {
  anonymous: ['public'],
  'viewer (session)': ['public', 'viewer'],
  'viewer (token)': ['public', 'viewer'],
  'operator (session)': ['public', 'viewer', 'operator'],
  'operator (token)': ['public', 'viewer', 'operator'],
  'admin (token)': ['public', 'viewer', 'operator', 'admin'],
}

function call(handler: Handler, method: Method, route: string, headers: Record<string, string>): Promise<Response> {
  const params: Record<string, string> = {}
  for (const m of route.matchAll(/\[([a-zA-Z]+)\]/g)) params[m[1]] = 'sweep-missing'
  const url = `http://127.0.0.1:3000${route.replace(/\[([a-zA-Z]+)\]/g, 'sweep-missing')}`
  const body = method === 'GET' || method === 'DELETE' ? undefined : '{}'
  const req = new Request(url, {
    method,
    body,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
  })
  return handler(req, { params: Promise.resolve(params) })
}

describe('route sweep', () => {
  const files = routeFiles()

  it('every route file has a rule in the table, and every rule a route', () => {
    const routes = files.map(routeOf).sort()
    expect(routes).toEqual(Object.keys(ACCESS).sort())
  })

  it('every exported handler carries the access rule the table gives', async () => {
    for (const file of files) {
      const route = routeOf(file)
      const mod = (await import(pathToFileURL(file).href)) as Record<string, Handler>
      const exported = METHODS.filter((m) => typeof mod[m] === 'function')
      expect(exported, route).toEqual(METHODS.filter((m) => ACCESS[route]?.[m]))
      for (const m of exported) {
        const rule = ACCESS[route][m]
        if (rule === 'auth') continue
        expect(mod[m].access, `${m} ${route}`).toBe(rule)
      }
    }
  })

  it('no credentials → 401, too low a role → 403, enough → neither', async () => {
    const failures: string[] = []
    for (const file of files) {
      const route = routeOf(file)
      const mod = (await import(pathToFileURL(file).href)) as Record<string, Handler>
      for (const [m, rule] of Object.entries(ACCESS[route]) as [Method, Access | 'auth'][]) {
        if (rule === 'auth') continue
        for (const [name, headers] of Object.entries(who)) {
          const status = (await call(mod[m], m, route, headers)).status
          const allowed = ALLOWED[name].includes(rule)
          const expected = allowed ? 'not 401/403' : name === 'anonymous' ? '401' : '403'
          const ok = allowed ? status !== 401 && status !== 403 : status === (name === 'anonymous' ? 401 : 403)
          if (!ok) failures.push(`${m} ${route} as ${name}: ${status}, expected ${expected}`)
        }
      }
    }
    expect(failures).toEqual([])
  })
})

describe('path and query parameters', () => {
  it('a NUL or a lone surrogate in an id or a query value is a 400 naming it, on both databases', async () => {
    const { GET: siteRoute } = await import('@/app/api/sites/[id]/route')
    const { GET: runsRoute } = await import('@/app/api/runs/route')
    const headers = who['admin (token)']
    const bad = await siteRoute(new Request('http://127.0.0.1:3000/api/sites/x%00y', { headers }), {
      params: Promise.resolve({ id: 'x\u0000y' }),
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.field).toBe('id')
    const q = await runsRoute(new Request('http://127.0.0.1:3000/api/runs?siteId=a%00b', { headers }), {
      params: Promise.resolve({}),
    })
    expect(q.status).toBe(400)
    expect((await q.json()).error.field).toBe('siteId')
    const lone = await runsRoute(new Request('http://127.0.0.1:3000/api/runs?siteId=%ED%A0%80', { headers }), {
      params: Promise.resolve({}),
    })
    expect([400, 200]).toContain(lone.status)
  })
})
