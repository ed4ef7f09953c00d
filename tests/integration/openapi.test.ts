// The OpenAPI document covers every route file under app/api with every method it exports, and
// names the same least role as the route's own `route(access, …)`. A new route fails here until it
// is documented in lib/openapi.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from './helpers/test-db'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
const root = path.resolve(import.meta.dirname, '../..')

function routeFiles(dir = path.join(root, 'app/api')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) return routeFiles(p)
    return name === 'route.ts' ? [p] : []
  })
}

/** app/api/sites/[id]/route.ts → /api/sites/{id} */
const openApiPathOf = (file: string) =>
  '/' +
  path
    .relative(path.join(root, 'app'), path.dirname(file))
    .split(path.sep)
    .map((s) => s.replace(/^\[((?:\.\.\.)?\w+)\]$/, '{$1}'))
    .join('/')

type Operation = { 'x-stepwise-access'?: string; security?: unknown[]; responses: Record<string, unknown> }
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: object } }

let tdb: TestDb
let doc: Doc
beforeAll(async () => {
  tdb = await freshDatabase()
  const { GET } = await import('@/app/api/openapi.json/route')
  const res = await GET(new Request('http://127.0.0.1:3000/api/openapi.json'), { params: Promise.resolve({}) })
  expect(res.status).toBe(200)
  doc = (await res.json()) as Doc
})
afterAll(async () => {
  await tdb.cleanup()
})

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 with the error envelope as a component', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.components.schemas).toHaveProperty('Error')
  })

  it('documents every route file and method under app/api, with the access rule the route has', async () => {
    const missing: string[] = []
    const wrongAccess: string[] = []
    const expected = new Set<string>()
    for (const file of routeFiles()) {
      const p = openApiPathOf(file)
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>
      for (const m of METHODS) {
        if (typeof mod[m] !== 'function') continue
        const handler = mod[m] as { access?: string }
        // better-auth's catch-all is documented as the endpoints it serves (/api/auth/sign-in/email …).
        if (p === '/api/auth/{...all}') {
          const served = Object.entries(doc.paths).filter(
            ([dp, ops]) => dp.startsWith('/api/auth/') && ops[m.toLowerCase()]?.['x-stepwise-access'] === 'auth',
          )
          if (!served.length) missing.push(`${m} ${p} (no /api/auth/* ${m} operation)`)
          for (const [dp] of served) expected.add(`${m} ${dp}`)
          continue
        }
        expected.add(`${m} ${p}`)
        const op = doc.paths[p]?.[m.toLowerCase()]
        if (!op) missing.push(`${m} ${p}`)
        else if (op['x-stepwise-access'] !== handler.access)
          wrongAccess.push(`${m} ${p}: documented ${op['x-stepwise-access']}, route says ${handler.access}`)
      }
    }
    expect(missing).toEqual([])
    expect(wrongAccess).toEqual([])
    // …and nothing is documented that no route serves.
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    )
    expect(documented.filter((o) => !expected.has(o))).toEqual([])
  })

  it('names the auth of every operation and answers errors with the envelope', () => {
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const access = op['x-stepwise-access']
        expect(['public', 'viewer', 'operator', 'admin', 'auth'], `${m} ${p}`).toContain(access)
        if (access === 'public' || access === 'auth') continue
        expect(op.security, `${m} ${p}`).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }])
        for (const status of ['401', '403'])
          expect(JSON.stringify(op.responses[status]), `${m} ${p} ${status}`).toContain('#/components/schemas/Error')
      }
    }
  })
})
