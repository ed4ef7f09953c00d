// Talks to the e2e fake fleet's control API (see lib/fake-site/control.ts).
import { ownerFetch } from './auth'
import type { FakeCall, FakeRecordView, FakeSiteConfig, FakeSiteInfo, ScenarioInput } from '../../../lib/fake-site'

export const FAKE_PORT = Number(process.env.E2E_FAKE_PORT ?? 4310)
export const FAKE = `http://127.0.0.1:${FAKE_PORT}`

let counter = 0
/** A unique site id per call, so specs never share fake sites. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`
}

export async function addFakeSite(cfg: Partial<FakeSiteConfig> & { id: string }): Promise<FakeSiteInfo> {
  const body: FakeSiteConfig = {
    persona: 'wordpress',
    key: `key${cfg.id.replace(/[^a-zA-Z0-9]/g, '')}XyZ123-abcdefgh`,
    ...cfg,
  }
  const r = await fetch(`${FAKE}/_fake/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (r.status !== 201) throw new Error(`fake site ${cfg.id}: ${r.status} ${await r.text()}`)
  return (await r.json()) as FakeSiteInfo
}

export async function setFakeScenario(id: string, patch: ScenarioInput | Record<string, unknown>): Promise<void> {
  const r = await fetch(`${FAKE}/_fake/sites/${id}/scenario`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  })
  if (!r.ok) throw new Error(`scenario ${id}: ${r.status} ${await r.text()}`)
}

export async function fakeCalls(id: string): Promise<FakeCall[]> {
  return (await (await fetch(`${FAKE}/_fake/sites/${id}/calls`)).json()) as FakeCall[]
}

export async function fakeRecords(id: string): Promise<FakeRecordView[]> {
  return (await (await fetch(`${FAKE}/_fake/sites/${id}/records`)).json()) as FakeRecordView[]
}

/** Adds a fake site and registers it in the dashboard through the API; returns both. */
export async function addConnectedSite(
  baseURL: string,
  cfg: Partial<FakeSiteConfig> & { id: string },
  name = cfg.name ?? cfg.id,
  /** More fields of the site (tags, hostGroup, …). */
  extra: Record<string, unknown> = {},
): Promise<{ fake: FakeSiteInfo; siteId: string }> {
  const fake = await addFakeSite(cfg)
  const r = await ownerFetch(
    '/api/sites',
    {
      method: 'POST',
      body: JSON.stringify({ ...extra, name, url: fake.url, key: fake.key }),
    },
    baseURL,
  )
  if (r.status !== 201) throw new Error(`add site ${name}: ${r.status} ${await r.text()}`)
  const { site } = (await r.json()) as { site: { id: string } }
  return { fake, siteId: site.id }
}
