// Helpers for tests that talk to the fake fleet over real HTTP with Node's fetch.
import type { FakeFleet } from './fleet'

export type AuthMode = 'header' | 'query' | 'none' | 'wrong-header' | 'wrong-query'

export interface CallOptions {
  verb?: 'GET' | 'POST' | 'PUT'
  auth?: AuthMode
  extraQuery?: Record<string, string>
  /** Absolute URL to use instead of the site's endpoint (its query is kept). */
  url?: string
  accept?: string
  signal?: AbortSignal
}

export interface CallResult {
  httpStatus: number
  statusText: string
  contentType: string
  headers: Headers
  text: string
  bytes: Buffer
  /** The parsed envelope when the body is one. */
  env: { status: number; data: unknown } | null
}

const WRONG_KEY = 'Wrong-Key-2024-aaaaBBBBccccDDDD1234'

/** One API call as the recorder made them: POST form by default, method + params in the verb's source. */
export async function apiCall(
  fleet: FakeFleet,
  siteId: string,
  method: string | null,
  params: Record<string, string> = {},
  o: CallOptions = {},
): Promise<CallResult> {
  const verb = o.verb ?? 'POST'
  const url = new URL(o.url ?? fleet.endpointUrl(siteId))
  const fields = new URLSearchParams()
  if (method !== null) fields.set('method', method)
  for (const [k, v] of Object.entries(params)) fields.set(k, v)
  const headers: Record<string, string> = {}
  const auth = o.auth ?? 'header'
  if (auth === 'header') headers['X-Akeeba-Auth'] = fleet.key(siteId)
  if (auth === 'wrong-header') headers['X-Akeeba-Auth'] = WRONG_KEY
  if (auth === 'query') url.searchParams.set('_akeebaAuth', fleet.key(siteId))
  if (auth === 'wrong-query') url.searchParams.set('_akeebaAuth', WRONG_KEY)
  for (const [k, v] of Object.entries(o.extraQuery ?? {})) url.searchParams.set(k, v)
  if (o.accept !== undefined) headers.Accept = o.accept
  let body: string | undefined
  if (verb === 'GET') for (const [k, v] of fields) url.searchParams.set(k, v)
  else {
    body = fields.toString()
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
  }
  const res = await fetch(url, { method: verb, headers, body, signal: o.signal })
  const bytes = Buffer.from(await res.arrayBuffer())
  const contentType = res.headers.get('content-type') ?? ''
  const text = contentType.includes('octet-stream') ? '' : bytes.toString('utf8')
  let env: CallResult['env'] = null
  if (contentType.includes('json') && !contentType.includes('vnd.api')) {
    try {
      env = JSON.parse(text) as { status: number; data: unknown }
    } catch {
      env = null
    }
  }
  return { httpStatus: res.status, statusText: res.statusText, contentType, headers: res.headers, text, bytes, env }
}

export interface StepData {
  HasRun: boolean
  Domain: string
  Step: string
  Warnings: string[]
  Archive: string
  Progress: number
  backupid: string
  stepNumber: number
  stepState: string
  BackupID: number | null
  Profile: number
}

export async function step(
  fleet: FakeFleet,
  siteId: string,
  backupid: string,
  o: CallOptions = {},
): Promise<CallResult & { data: StepData }> {
  const r = await apiCall(fleet, siteId, 'stepBackup', { backupid }, o)
  return { ...r, data: r.env?.data as StepData }
}

/** startBackup then stepBackup until HasRun is false; returns every step object. */
export async function runBackup(
  fleet: FakeFleet,
  siteId: string,
  params: Record<string, string> = {},
): Promise<StepData[]> {
  const start = await apiCall(fleet, siteId, 'startBackup', params)
  if (start.env?.status !== 200) throw new Error(`startBackup failed: ${start.text}`)
  const steps = [start.env.data as StepData]
  const id = steps[0].backupid
  for (let i = 0; i < 200 && steps[steps.length - 1].HasRun; i++) {
    const r = await step(fleet, siteId, id)
    if (r.env?.status !== 200) throw new Error(`stepBackup failed: ${r.text}`)
    steps.push(r.data)
  }
  return steps
}
