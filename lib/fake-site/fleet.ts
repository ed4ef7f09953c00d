// A fleet of fake Akeeba sites behind one HTTP server on 127.0.0.1.
//
//   site root     http://127.0.0.1:PORT/s/<siteId>/
//   WordPress     …/s/<id>/wp-admin/admin-ajax.php?action=akeebabackup_api   (Akeeba Backup Pro 9.1.1, api 400)
//   Joomla        …/s/<id>/index.php?option=com_akeebabackup&view=api&format=raw (9.3.3, api 500; view=Api,
//                 format=json or none, task=api.main and /index.php/component/akeebabackup/ answer too;
//                 /api/index.php/v2/akeebabackup answers 406 / 404 JSON:API like the real 9.3.3)
//   control       http://127.0.0.1:PORT/_fake/…  (see control.ts)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleApi } from './api'
import { handleControl } from './control'
import { routeFor } from './endpoints'
import { htmlHeaders } from './http-headers'
import { recordView } from './records'
import { seedRecords, type RecordSeed } from './seed-records'
import { sendText } from './respond'
import { FakeSite } from './site'
import type { FakeCall, FakeRecordView, FakeSiteConfig, FakeSiteInfo, Scenario, ScenarioInput } from './types'

export interface FakeFleetOptions {
  /** 0 or absent: a random free port. */
  port?: number
  sites?: FakeSiteConfig[]
  /** Server clock for record times and archive names (default: real time). */
  clock?: () => Date
}

export interface FakeFleet {
  readonly port: number
  /** http://127.0.0.1:PORT */
  readonly baseUrl: string
  /** Site root, with a trailing slash. */
  url(siteId: string): string
  /** The site's JSON API endpoint (absolute, including its fixed query). */
  endpointUrl(siteId: string): string
  key(siteId: string): string
  /** Requests received on the site's API endpoint, in arrival order (a live copy). */
  calls(siteId: string): FakeCall[]
  clearCalls(siteId: string): void
  addSite(cfg: FakeSiteConfig): FakeSiteInfo
  /** Shallow-merges a scenario patch; `undefined`/`null` values clear a knob. Applies to later calls. */
  setScenario(siteId: string, patch: ScenarioInput | Record<string, unknown>): void
  scenario(siteId: string): Scenario
  records(siteId: string): FakeRecordView[]
  /** Adds arbitrary records (lib/fake-site/seed-records.ts); returns their views. */
  seedRecords(siteId: string, seeds: RecordSeed[]): FakeRecordView[]
  sites(): FakeSiteInfo[]
  has(siteId: string): boolean
  close(): Promise<void>
}

const MAX_BODY = 4 * 1024 * 1024

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function isForm(req: IncomingMessage): boolean {
  const type = req.headers['content-type']
  return type === undefined || type.toLowerCase().startsWith('application/x-www-form-urlencoded')
}

export async function startFakeFleet(opts: FakeFleetOptions = {}): Promise<FakeFleet> {
  const clock = opts.clock ?? (() => new Date())
  const sites = new Map<string, FakeSite>()
  let baseUrl = ''

  const need = (id: string): FakeSite => {
    const s = sites.get(id)
    if (!s) throw new Error(`fake fleet: unknown site "${id}"`)
    return s
  }
  const root = (id: string): string => `${baseUrl}/s/${encodeURIComponent(id)}/`
  const endpoint = (s: FakeSite): string =>
    s.persona === 'wordpress'
      ? `${root(s.id)}wp-admin/admin-ajax.php?action=akeebabackup_api`
      : `${root(s.id)}index.php?option=com_akeebabackup&view=api&format=raw`
  const info = (s: FakeSite): FakeSiteInfo => ({
    id: s.id,
    name: s.cfg.name ?? s.id,
    persona: s.persona,
    url: root(s.id),
    endpointUrl: endpoint(s),
    key: s.cfg.key,
  })

  const fleet: FakeFleet = {
    port: 0,
    baseUrl: '',
    url: (id) => (need(id), root(id)),
    endpointUrl: (id) => endpoint(need(id)),
    key: (id) => need(id).cfg.key,
    calls: (id) => need(id).calls,
    clearCalls: (id) => void need(id).calls.splice(0),
    addSite: (cfg) => {
      if (!/^[A-Za-z0-9_.-]{1,80}$/.test(cfg.id)) throw new Error(`fake fleet: site id "${cfg.id}" is not URL-safe`)
      if (sites.has(cfg.id)) throw new Error(`fake fleet: site "${cfg.id}" exists`)
      const s = new FakeSite(cfg, clock)
      sites.set(cfg.id, s)
      return info(s)
    },
    setScenario: (id, patch) => need(id).setScenario(patch),
    scenario: (id) => need(id).scenario,
    records: (id) => [...need(id).records.values()].sort((a, b) => b.id - a.id).map(recordView),
    seedRecords: (id, seeds) => seedRecords(need(id), seeds),
    sites: () => [...sites.values()].map(info),
    has: (id) => sites.has(id),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? '/'
    const q = raw.indexOf('?')
    const path = q >= 0 ? raw.slice(0, q) : raw
    const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '')
    const bodyText = await readBody(req)
    if (path === '/_fake' || path.startsWith('/_fake/')) return handleControl(fleet, req, res, path, bodyText)
    if (!path.startsWith('/s/')) return sendText(res, 404, { 'Content-Type': 'text/plain' }, 'Not found')
    const slash = path.indexOf('/', 3)
    const site = sites.get(decodeURIComponent(slash < 0 ? path.slice(3) : path.slice(3, slash)))
    if (!site) return sendText(res, 404, { 'Content-Type': 'text/plain' }, 'No such fake site')
    const rest = slash < 0 ? '' : decodeURIComponent(path.slice(slash + 1))
    const body = req.method !== 'GET' && req.method !== 'HEAD' && isForm(req) ? new URLSearchParams(bodyText) : null
    const route = routeFor(site, rest, query, body, req.headers.accept)
    if (route.kind === 'page') return sendText(res, route.httpStatus, htmlHeaders(site, route.contentType), route.body)
    await handleApi({ site, req, res, query, body, format: route.format })
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed)
        sendText(res, 500, { 'Content-Type': 'text/plain' }, `fake site error: ${String(err)}`)
      else res.destroy()
    })
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`
  Object.assign(fleet, { port, baseUrl })
  for (const cfg of opts.sites ?? []) fleet.addSite(cfg)
  return fleet
}
