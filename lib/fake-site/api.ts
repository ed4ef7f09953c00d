// One call to a site's API endpoint: verb, auth, method lookup, the handler, then faults and bytes.
// Order and texts follow fixtures wp/06 and joomla/04.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { JoomlaFormat } from './endpoints'
import { drawFault, faultAtStep } from './faults'
import { HANDLERS, type Outcome } from './handlers'
import { errorPage } from './handlers/step-rules'
import { MSG } from './persona'
import { sendGateway502, sendOutcome } from './respond'
import type { FakeSite } from './site'
import type { FaultKind } from './types'

/** Routing fields that are part of the endpoint URL, not the method's parameters. */
const ROUTING = new Set(['method', '_akeebaAuth', 'action', 'option', 'view', 'format', 'task', 'tmpl'])

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export interface ApiRequest {
  site: FakeSite
  req: IncomingMessage
  res: ServerResponse
  query: URLSearchParams
  body: URLSearchParams | null
  format: JoomlaFormat
}

/** The header wins whenever present; `_akeebaAuth` is read from the query string only (§2.2). */
function authOk(site: FakeSite, req: IncomingMessage, query: URLSearchParams): boolean {
  const sc = site.scenario
  if (sc.wrongKey || sc.apiDisabled || site.cfg.edition === 'core') return false
  const header = req.headers['x-akeeba-auth']
  const given = header !== undefined ? (Array.isArray(header) ? header[0] : header) : query.get('_akeebaAuth')
  return given !== null && given !== undefined && given.trim() !== '' && given === site.cfg.key
}

function callParams(source: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of source) if (!ROUTING.has(k)) out[k] = v
  return out
}

export async function handleApi(r: ApiRequest): Promise<void> {
  const { site, req, res, query, body } = r
  const verb = req.method ?? 'GET'
  // On a POST the method and parameters come from the body only (fixture wp/06 #7).
  const source = verb === 'GET' ? query : (body ?? new URLSearchParams())
  const sent = source.get('method') ?? ''
  const method = sent.replace(/[^A-Za-z0-9._-]/g, '')
  const ok = authOk(site, req, query)
  site.recordCall({ method: sent, params: callParams(source), at: Date.now(), verb, authOk: ok })

  if (site.scenario.htmlErrorPage?.always)
    return sendOutcome(res, site, r.format, errorPage(site, site.scenario.htmlErrorPage.httpStatus))
  if (verb !== 'GET' && verb !== 'POST')
    return sendOutcome(res, site, r.format, { kind: 'json', status: 405, data: `Invalid HTTP method ${verb}` })
  if (!ok) return sendOutcome(res, site, r.format, { kind: 'json', status: 503, data: MSG.accessDenied })
  const handler = HANDLERS.get(method.toLowerCase())
  if (!handler) return sendOutcome(res, site, r.format, { kind: 'json', status: 405, data: `Invalid method ${method}` })

  const drawn = drawFault(site, method.toLowerCase())
  const skipWork = drawn !== null && site.scenario.transportFaults?.commit === false
  const out: Outcome | null = skipWork ? null : await handler({ site, params: source, sleep })
  const fault = drawn ?? faultAtStep(site, out && 'stepNumber' in out ? out.stepNumber : undefined)
  if (fault) return applyFault(site, res, fault)
  if (out) await sendOutcome(res, site, r.format, out)
}

function applyFault(site: FakeSite, res: ServerResponse, kind: FaultKind): void {
  if (kind === '502') return sendGateway502(res)
  if (kind === 'reset') {
    res.socket?.resetAndDestroy?.()
    res.destroy()
    return
  }
  // 'timeout': hold the connection open without answering, longer than any client waits.
  const timer = setTimeout(() => res.destroy(), site.scenario.transportFaults?.hangMs ?? 600_000)
  timer.unref()
  res.once('close', () => clearTimeout(timer))
}
