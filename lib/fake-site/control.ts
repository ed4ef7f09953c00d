// The fleet's control surface over HTTP, for the demo fleet and for tests in other processes:
//   GET    /_fake/sites                  → [{id,name,persona,url,endpointUrl,key}]
//   POST   /_fake/sites                  ← FakeSiteConfig (JSON) → the new site's info
//   GET    /_fake/sites/<id>             → info
//   GET    /_fake/sites/<id>/calls       → FakeCall[]
//   DELETE /_fake/sites/<id>/calls       → clears them
//   GET    /_fake/sites/<id>/records     → FakeRecordView[]
//   POST   /_fake/sites/<id>/records     ← {records: RecordSeed[]} → the new records' views
//   PATCH  /_fake/sites/<id>/scenario    ← scenario patch (JSON; null clears a knob) → the scenario
//   GET    /_fake/health                 → {ok:true, sites:N}
import type { IncomingMessage, ServerResponse } from 'node:http'
import { nullableScenarioPatchSchema, siteConfigSchema } from './control-schema'
import type { FakeFleet } from './fleet'
import { recordSeedsSchema } from './seed-records'

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  })
  res.end(body)
}

function parseJson(raw: string): unknown {
  try {
    return raw === '' ? {} : JSON.parse(raw)
  } catch {
    return undefined
  }
}

export function handleControl(
  fleet: FakeFleet,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  rawBody: string,
): void {
  const parts = path.split('/').filter(Boolean) // ['_fake', 'sites', id, sub]
  const verb = req.method ?? 'GET'
  if (parts[1] === 'health') return send(res, 200, { ok: true, sites: fleet.sites().length })
  if (parts[1] !== 'sites') return send(res, 404, { error: 'not_found' })
  if (parts.length === 2) {
    if (verb === 'GET') return send(res, 200, fleet.sites())
    if (verb === 'POST') {
      const parsed = siteConfigSchema.safeParse(parseJson(rawBody))
      if (!parsed.success) return send(res, 400, { error: 'invalid', issues: parsed.error.issues })
      if (fleet.has(parsed.data.id)) return send(res, 409, { error: 'exists' })
      return send(res, 201, fleet.addSite(parsed.data))
    }
    return send(res, 405, { error: 'method_not_allowed' })
  }
  const id = decodeURIComponent(parts[2])
  if (!fleet.has(id)) return send(res, 404, { error: 'unknown_site' })
  const sub = parts[3]
  if (sub === undefined && verb === 'GET')
    return send(
      res,
      200,
      fleet.sites().find((s) => s.id === id),
    )
  if (sub === 'calls' && verb === 'GET') return send(res, 200, fleet.calls(id))
  if (sub === 'calls' && verb === 'DELETE') {
    fleet.clearCalls(id)
    return send(res, 200, { ok: true })
  }
  if (sub === 'records' && verb === 'GET') return send(res, 200, fleet.records(id))
  if (sub === 'records' && verb === 'POST') {
    const parsed = recordSeedsSchema.safeParse(parseJson(rawBody))
    if (!parsed.success) return send(res, 400, { error: 'invalid', issues: parsed.error.issues })
    return send(res, 201, fleet.seedRecords(id, parsed.data.records))
  }
  if (sub === 'scenario' && (verb === 'PATCH' || verb === 'POST' || verb === 'PUT')) {
    const parsed = nullableScenarioPatchSchema.safeParse(parseJson(rawBody))
    if (!parsed.success) return send(res, 400, { error: 'invalid', issues: parsed.error.issues })
    fleet.setScenario(id, parsed.data)
    return send(res, 200, fleet.scenario(id))
  }
  if (sub === 'scenario' && verb === 'GET') return send(res, 200, fleet.scenario(id))
  return send(res, 404, { error: 'not_found' })
}
