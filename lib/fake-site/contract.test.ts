// CONTRACT: replays the request sequences of every real-server transcript (tests/fixtures/akeeba-*)
// against the fake over real HTTP and checks that the answers have the same HTTP status, content
// type, envelope status, error texts, field names/order and JSON types, and the same step sequence
// (Domain, stepNumber, stepState, HasRun, Progress, Warnings). Random values (ids, archive names)
// are mapped, not compared. Requests that name records this transcript did not create are skipped.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOOMLA_STOPPED } from './html-pages'
import { startFakeFleet, type FakeFleet } from './fleet'
import { apiCall, type AuthMode, type CallResult } from './test-support'
import type { Persona, ScenarioInput } from './types'

interface FxExchange {
  label?: string
  request: {
    method: string | null
    params: Record<string, string>
    transport: string
    auth: string
    httpVerb?: string
    extraQuery?: Record<string, string>
    endpoint?: string
    accept?: string
  }
  response: {
    httpStatus: number
    contentType: string
    body: string
    httpReason?: string
    headers?: [string, string][]
  } | null
}
interface Fixture {
  exchanges: FxExchange[]
}

interface Plan {
  dir: 'akeeba-wp-9.1.1' | 'akeeba-joomla'
  file: string
  scenario?: ScenarioInput
  hooks?: Record<number, Record<string, unknown>>
  /** Progress/Step differ in the transcript because of the recorder's own files (warnings runs). */
  looseProgress?: boolean
  looseStep?: boolean
  /** The scenario reproduces the transcript's archive sizes exactly. */
  exactSizes?: boolean
}

const SYMLINK =
  'The symlink /var/www/example/fixture-warnings/dangling-link.txt points to a file or folder that no longer exists and will NOT be backed up.'
const UNREADABLE = 'Unreadable file /var/www/example/fixture-warnings/vanish/big-a.bin. Check permissions'

const PLANS: Plan[] = [
  { dir: 'akeeba-wp-9.1.1', file: '01-full-backup.json' },
  { dir: 'akeeba-wp-9.1.1', file: '02-dbonly-overrides.json', scenario: { dbSizeBytes: 97842 }, exactSizes: true },
  {
    dir: 'akeeba-wp-9.1.1',
    file: '03-backup-with-warnings.json',
    hooks: {
      0: {
        stepsPerDomain: { Packing: 4 },
        warnings: [
          { atStep: 8, text: SYMLINK },
          { atStep: 10, text: UNREADABLE },
        ],
      },
      13: { stepsPerDomain: null, warnings: null },
    },
    looseProgress: true,
    looseStep: true,
  },
  {
    dir: 'akeeba-wp-9.1.1',
    file: '04-backup-fails.json',
    hooks: {
      0: { failAtStart: 1 },
      2: { failAtStep: { step: 8, times: 1 } },
      12: { failAtStep: null, zombie: { freshAtStep: 8 } },
    },
  },
  {
    dir: 'akeeba-wp-9.1.1',
    file: '05-multipart-archive.json',
    scenario: { archiveSizeBytes: 39348940 },
    exactSizes: true,
  },
  { dir: 'akeeba-wp-9.1.1', file: '06-error-envelopes.json' },
  { dir: 'akeeba-wp-9.1.1', file: '07-list-backups.json' },
  {
    dir: 'akeeba-wp-9.1.1',
    file: '08-concurrent-backups.json',
    hooks: { 1: { stepsPerDomain: { Packing: 4 } }, 6: { stepsPerDomain: null } },
    looseProgress: true,
    looseStep: true,
  },
  {
    dir: 'akeeba-wp-9.1.1',
    file: '09-lost-step-response.json',
    hooks: { 4: { stepLatencyMs: 300 }, 6: { stepLatencyMs: 0 }, 16: { stepLatencyMs: 300 }, 18: { stepLatencyMs: 0 } },
  },
  { dir: 'akeeba-joomla', file: '01-getversion-endpoints.json' },
  { dir: 'akeeba-joomla', file: '02-full-backup.json' },
  { dir: 'akeeba-joomla', file: '03-dbonly.json' },
  { dir: 'akeeba-joomla', file: '04-error-envelopes.json' },
  {
    dir: 'akeeba-joomla',
    file: '05-backup-with-warnings.json',
    hooks: {
      1: {
        stepsPerDomain: { Packing: 21 },
        warnings: [
          { atStep: 11, text: SYMLINK },
          { atStep: 13, text: UNREADABLE },
        ],
      },
      32: { warnings: null },
    },
    looseStep: true,
  },
  {
    dir: 'akeeba-joomla',
    file: '06-backup-fails.json',
    hooks: { 1: { failAtStart: 1 }, 3: { failAtStep: { step: 9, times: 1 } } },
  },
  { dir: 'akeeba-joomla', file: '07-multipart-and-download.json', scenario: { archiveSizeBytes: 154200338 } },
  {
    dir: 'akeeba-joomla',
    file: '08-concurrent-and-lost-step.json',
    hooks: { 41: { stepLatencyMs: 300 }, 43: { stepLatencyMs: 0 } },
  },
]

const FIXTURES = path.resolve(__dirname, '../../tests/fixtures')
const load = (p: Plan): Fixture => JSON.parse(readFileSync(path.join(FIXTURES, p.dir, p.file), 'utf8')) as Fixture
const siteIdOf = (p: Plan): string => `${p.dir === 'akeeba-joomla' ? 'j' : 'wp'}-${p.file.slice(0, 2)}`

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

/** Record shapes (key order + JSON types) per meta, from every listBackups in the transcripts. */
function listShapeCatalog(): Map<string, Set<string>> {
  const catalog = new Map<string, Set<string>>()
  for (const p of PLANS) {
    for (const ex of load(p).exchanges) {
      if (ex.request.method !== 'listBackups' || !ex.response) continue
      const data = (JSON.parse(ex.response.body) as { data: Record<string, Json>[] }).data
      for (const row of data) {
        const meta = String(row.meta)
        if (!catalog.has(meta)) catalog.set(meta, new Set())
        catalog.get(meta)!.add(shapeOf(row))
      }
    }
  }
  return catalog
}
const shapeOf = (row: Record<string, unknown>): string =>
  Object.entries(row)
    .map(([k, v]) => `${k}:${kind(v)}`)
    .join(',')

function authOf(text: string): AuthMode {
  if (text.startsWith('none')) return 'none'
  const wrong = text.includes('wrong')
  if (text.includes('_akeebaAuth')) return wrong ? 'wrong-query' : 'query'
  return wrong ? 'wrong-header' : 'header'
}

/** Replaces the fake site's root with the transcripts' sanitised one. */
function normalise(value: unknown, siteId: string): unknown {
  if (typeof value === 'string') return value.split(`/var/www/${siteId}`).join('/var/www/example')
  if (Array.isArray(value)) return value.map((v) => normalise(v, siteId))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, siteId)]))
  return value
}

const ext = (name: string): string => name.slice(name.lastIndexOf('.'))

class Replay {
  readonly bid = new Map<string, string>()
  readonly rec = new Map<string, string>()
  constructor(
    readonly plan: Plan,
    readonly catalog: Map<string, Set<string>>,
  ) {}

  /** The request params with our ids, or null when they name something only the real server had. */
  mapParams(params: Record<string, string>): Record<string, string> | null {
    const out = { ...params }
    if (params.backupid !== undefined && params.backupid !== '') {
      const mapped = this.bid.get(params.backupid)
      if (mapped !== undefined) out.backupid = mapped
      else if (/^id-2026/.test(params.backupid)) return null
    }
    if (params.backup_id !== undefined && /^\d+$/.test(params.backup_id) && params.backup_id !== '0') {
      const mapped = this.rec.get(params.backup_id)
      if (mapped !== undefined) out.backup_id = mapped
      else if (Number(params.backup_id) < 99999) return null
    }
    return out
  }

  private learn(map: Map<string, string>, fx: unknown, ours: unknown, what: string): void {
    if (fx === null || fx === '' || fx === undefined) return
    const key = String(fx)
    const known = map.get(key)
    if (known === undefined) map.set(key, String(ours))
    else expect(String(ours), `${what} ${key} must keep mapping to ${known}`).toBe(known)
  }

  compareStep(fx: Record<string, Json>, ours: Record<string, Json>, where: string): void {
    expect(Object.keys(ours), where).toEqual(Object.keys(fx))
    for (const k of [
      'HasRun',
      'Domain',
      'Substep',
      'Error',
      'ErrorException',
      'tag',
      'sleepTime',
      'stepNumber',
      'stepState',
      'Profile',
      'Warnings',
    ]) {
      expect(ours[k], `${where} ${k}`).toEqual(fx[k])
    }
    if (this.plan.looseProgress) expect(typeof ours.Progress, where).toBe('number')
    else expect(ours.Progress, `${where} Progress`).toBe(fx.Progress)
    if (this.plan.looseStep) expect(ours.Step === '', `${where} Step emptiness`).toBe(fx.Step === '')
    else expect(ours.Step, `${where} Step`).toBe(fx.Step)
    expect(ours.Archive === '', `${where} Archive emptiness`).toBe(fx.Archive === '')
    if (fx.Archive !== '') expect(ext(String(ours.Archive)), where).toBe(ext(String(fx.Archive)))
    expect(ours.backupid === '', `${where} backupid emptiness`).toBe(fx.backupid === '')
    if (fx.backupid !== '') expect(String(ours.backupid)).toMatch(/^id-\d{8}-\d{6}-\d{6}$/)
    expect(kind(ours.BackupID), `${where} BackupID type`).toBe(kind(fx.BackupID))
    this.learn(this.bid, fx.backupid, ours.backupid, 'backupid')
    this.learn(this.rec, fx.BackupID, ours.BackupID, 'BackupID')
  }

  compareInfo(fx: Record<string, Json>, ours: Record<string, Json>, where: string): void {
    expect(shapeOf(ours), where).toBe(shapeOf(fx))
    for (const k of [
      'status',
      'origin',
      'type',
      'tag',
      'filesexist',
      'instep',
      'remote_filename',
      'frozen',
      'description',
      'comment',
      'multipart',
      'profile_id',
    ]) {
      expect(ours[k], `${where} ${k}`).toEqual(fx[k])
    }
    if (fx.status !== 'complete' || this.plan.exactSizes)
      expect(ours.total_size, `${where} total_size`).toBe(fx.total_size)
    this.learn(this.rec, fx.id, ours.id, 'record id')
    expect(ours.backupid === '', where).toBe(fx.backupid === '')
    const fxFiles = fx.filenames as Record<string, Json>[]
    const ourFiles = ours.filenames as Record<string, Json>[]
    expect(ourFiles.length, `${where} filenames`).toBe(fxFiles.length)
    fxFiles.forEach((f, i) => {
      expect(Object.keys(ourFiles[i])).toEqual(Object.keys(f))
      expect(ourFiles[i].part).toBe(f.part)
      expect(ext(String(ourFiles[i].name))).toBe(ext(String(f.name)))
      if (this.plan.exactSizes) expect(ourFiles[i].size).toBe(f.size)
      else expect(typeof ourFiles[i].size).toBe('number')
    })
  }

  compareList(ours: Record<string, Json>[], where: string): void {
    for (const row of ours) {
      const shapes = this.catalog.get(String(row.meta))
      expect(shapes, `${where}: meta ${String(row.meta)} seen on a real server`).toBeDefined()
      expect([...shapes!], `${where}: record shape for meta ${String(row.meta)}`).toContain(shapeOf(row))
    }
    const ids = ours.map((r) => Number(r.id))
    expect(ids, `${where}: newest first`).toEqual([...ids].sort((a, b) => b - a))
  }

  compareDownload(fx: string, ours: string, where: string): void {
    const m = /\[truncated: base64 string of (\d+) chars\]/.exec(fx)
    if (!m) return void expect(ours, where).toBe(fx)
    const n = Number(m[1])
    if (this.plan.exactSizes || n === 1398104) expect(ours.length, `${where} base64 length`).toBe(n)
    else expect(ours.length > 0 && ours.length <= 1398104 && ours.length % 4 === 0, where).toBe(true)
    const head = Buffer.from(fx.slice(0, 20).replace(/\\\//g, '/'), 'base64').toString('latin1')
    const ourHead = Buffer.from(ours.slice(0, 20), 'base64').toString('latin1')
    for (const sig of ['JPA', 'DROP TABLE'])
      if (head.startsWith(sig)) expect(ourHead.startsWith(sig), `${where} starts with ${sig}`).toBe(true)
  }

  compareEnvelope(
    fx: { status: number; data: Json },
    ours: { status: number; data: Json },
    method: string,
    where: string,
  ): void {
    expect(ours.status, `${where} envelope status`).toBe(fx.status)
    const d = fx.data
    if (fx.status !== 200) return void expect(ours.data, `${where} message`).toEqual(d)
    expect(kind(ours.data), `${where} data type`).toBe(kind(d))
    if (typeof d === 'string') return this.compareDownload(d, String(ours.data), where)
    if (typeof d === 'boolean') return void expect(ours.data).toBe(d)
    if (Array.isArray(d)) {
      if (method.toLowerCase() === 'listbackups') return this.compareList(ours.data as Record<string, Json>[], where)
      return void expect(ours.data).toEqual(d) // getProfiles
    }
    const obj = d as Record<string, Json>
    if ('HasRun' in obj) return this.compareStep(obj, ours.data as Record<string, Json>, where)
    if ('filenames' in obj) return this.compareInfo(obj, ours.data as Record<string, Json>, where)
    expect(ours.data, where).toEqual(d) // getVersion
  }

  compareResponse(
    fx: NonNullable<FxExchange['response']>,
    res: CallResult,
    method: string,
    where: string,
    siteId: string,
  ): void {
    expect(res.httpStatus, `${where} HTTP status`).toBe(fx.httpStatus)
    const isJson = fx.contentType.includes('application/json')
    if (isJson) expect(res.contentType, `${where} content type`).toBe(fx.contentType)
    else expect(res.contentType.toLowerCase(), `${where} content type`).toBe(fx.contentType.toLowerCase())
    if (fx.httpReason) expect(res.statusText, `${where} reason phrase`).toBe(fx.httpReason)
    for (const [name, value] of fx.headers ?? []) {
      if (name === 'Content-Disposition' && !value.includes('site-'))
        expect(res.headers.get(name), `${where} ${name}`).toBe(value)
      if (name === 'Accept-Ranges' || (name === 'Content-Length' && fx.body.startsWith('[binary')))
        expect(res.headers.get(name), `${where} ${name}`).toBe(value)
    }
    const bin = /^\[binary body: (\d+) bytes/.exec(fx.body)
    if (bin) {
      expect(res.bytes.length, `${where} bytes`).toBe(Number(bin[1]))
      if (fx.body.includes('base64 of body: SlBB')) expect(res.bytes.subarray(0, 3).toString('latin1')).toBe('JPA')
      return
    }
    if (isJson) {
      // PHP's json_encode escapes every "/" (fixture bodies keep "\/").
      expect(/[^\\]\//.test(res.text), `${where} unescaped slash`).toBe(false)
      const fxEnv = JSON.parse(fx.body) as { status: number; data: Json }
      const ours = normalise(res.env, siteId) as { status: number; data: Json }
      expect(ours, `${where} envelope`).not.toBeNull()
      return this.compareEnvelope(fxEnv, ours, method, where)
    }
    if (fx.body.startsWith('\n\t\t\t<div class="card">')) expect(res.text, where).toBe(JOOMLA_STOPPED)
    else if (!fx.body.includes('...[truncated')) expect(res.text, `${where} body`).toBe(fx.body)
  }
}

let fleet: FakeFleet
const catalog = listShapeCatalog()

beforeAll(async () => {
  fleet = await startFakeFleet({
    sites: PLANS.map((p) => ({
      id: siteIdOf(p),
      persona: (p.dir === 'akeeba-joomla' ? 'joomla' : 'wordpress') as Persona,
      key: 'Contract-Key-0123456789abcdefABCDEF',
      seedHistory: 4,
      scenario: p.scenario,
    })),
  })
})
afterAll(async () => fleet.close())

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('contract: the fake answers like the recorded real servers', () => {
  it.each(PLANS.map((p) => [`${p.dir}/${p.file}`, p] as const))('%s', async (_name, plan) => {
    const siteId = siteIdOf(plan)
    const replay = new Replay(plan, catalog)
    const fx = load(plan)
    let replayed = 0
    let lostWaitMs: number | null = null
    for (const [i, ex] of fx.exchanges.entries()) {
      if (plan.hooks?.[i]) fleet.setScenario(siteId, plan.hooks[i])
      const where = `#${i} ${ex.label ?? ''} ${ex.request.method ?? '(no method)'}`
      const params = replay.mapParams(ex.request.params)
      if (params === null) continue
      const r = ex.request
      const verb = (r.httpVerb ?? (r.transport === 'GET query' ? 'GET' : 'POST')) as 'GET' | 'POST' | 'PUT'
      const opts = {
        verb,
        auth: authOf(r.auth),
        extraQuery: r.extraQuery,
        url: r.endpoint ? fleet.url(siteId) + r.endpoint.slice(1) : undefined,
        accept: plan.file.startsWith('01-getversion') ? (r.accept ?? '') : undefined,
      }
      if (lostWaitMs !== null) {
        if (!(ex.label ?? '').includes('after waiting 0 ms')) await wait(lostWaitMs)
        lostWaitMs = null
      }
      if (ex.response === null) {
        // The recorder abandoned this call; the server must still carry the step out (fact 10).
        await expect(
          apiCall(fleet, siteId, r.method, params, { ...opts, signal: AbortSignal.timeout(100) }),
        ).rejects.toThrow()
        lostWaitMs = 450
        replayed++
        continue
      }
      // "method only in the query string of a POST": the body carries none (fixture joomla/04 #10).
      const method = r.extraQuery?.method !== undefined ? null : r.method
      const res = await apiCall(fleet, siteId, method, params, opts)
      replay.compareResponse(ex.response, res, r.method ?? '', where, siteId)
      replayed++
    }
    expect(replayed / fx.exchanges.length, 'share of the transcript replayed').toBeGreaterThan(0.75)
  })
})
