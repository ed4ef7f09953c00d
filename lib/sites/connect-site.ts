// Adding, checking ("relink") and editing sites: endpoint detection first, then the row.
import { detectSite, type DetectResult } from '../akeeba/detect-endpoint'
import type { DetectCause } from '../akeeba/probe-outcome'
import { AppError, notFound } from '../api/errors'
import { config } from '../config'
import { encryptSiteKey } from '../secrets/site-key-cipher'
import { insertSite, saveConnection, updateSiteRow, siteExists, type Connection } from '../db/sites'
import { readSiteKey } from '../db/site-secrets'
import { recordAudit } from '../db/audit'
import type { SiteDto } from '../domain/sites'
import { hostKeyOf, normalizeUrl, type CreateSiteInput, type UpdateSiteInput } from './site-input'
import { getSite } from './list-sites'

export interface CheckResult {
  ok: boolean
  cause?: DetectCause
  message?: string
  advice?: string
  endpoint?: { url: string; platform: string }
  version?: { api: number; component: string; edition: string; date: string }
  profiles?: { id: number; name: string }[]
}

export async function checkSite(url: string, key: string): Promise<CheckResult> {
  const r = await detectSite(normalizeUrl(url), key, {
    connectTimeoutMs: config().STEPWISE_CONNECT_TIMEOUT_MS,
    timeoutMs: 30_000,
  })
  return r.ok
    ? { ok: true, endpoint: r.endpoint, version: r.version, profiles: r.profiles }
    : { ok: false, cause: r.cause, message: r.message, advice: r.advice }
}

const NO_API: DetectCause[] = ['core_edition', 'api_too_old', 'not_akeeba']

function connectionFrom(r: DetectResult): Connection {
  if (r.ok) {
    return {
      endpointUrl: r.endpoint.url,
      platform: r.endpoint.platform,
      apiLevel: r.version.api,
      akeebaVersion: r.version.component,
      edition: r.version.edition,
      connectionStatus: 'ok',
      connectionError: null,
      profiles: r.profiles,
    }
  }
  return {
    endpointUrl: null,
    platform: null,
    apiLevel: null,
    akeebaVersion: null,
    edition: null,
    connectionStatus: NO_API.includes(r.cause) ? 'no_api' : 'not_connected',
    connectionError: `${r.message} ${r.advice}`.trim(),
    profiles: [],
  }
}

function failureError(r: Extract<DetectResult, { ok: false }>): AppError {
  const code = r.cause === 'auth' ? 'akeeba_auth_failed' : 'site_unreachable'
  return new AppError(code, r.message, {
    field: r.cause === 'auth' ? 'key' : 'url',
    details: { cause: r.cause, advice: r.advice },
  })
}

export async function addSite(
  input: CreateSiteInput,
  actor: string | null = null,
  opts: { isDemo?: boolean } = {},
): Promise<SiteDto> {
  const baseUrl = normalizeUrl(input.url)
  const r = await detectSite(baseUrl, input.key, {
    connectTimeoutMs: config().STEPWISE_CONNECT_TIMEOUT_MS,
    timeoutMs: 30_000,
  })
  if (!r.ok && !input.saveIfUnreachable) throw failureError(r)
  const conn = connectionFrom(r)
  if (r.ok) conn.defaultProfileId = r.profiles[0]?.id ?? 1
  const id = await insertSite(
    {
      name: input.name,
      baseUrl,
      keyCiphertext: encryptSiteKey(input.key),
      hostGroup: input.hostGroup ?? null,
      hostKey: hostKeyOf(baseUrl, input.hostGroup),
      tags: input.tags,
      maxBackupAgeHours: input.maxBackupAgeHours,
      isDemo: opts.isDemo,
    },
    conn,
  )
  await recordAudit('site.added', { actor, siteId: id, details: { name: input.name, url: baseUrl, connected: r.ok } })
  return (await getSite(id))!
}

/** Re-runs detection with the stored key ("relink") and stores what it found. */
export async function recheckSite(id: string, actor: string | null = null): Promise<SiteDto> {
  const site = await getSite(id)
  if (!site) throw notFound('site', id)
  const stored = await readSiteKey({ siteId: id })
  if (!stored) throw new AppError('not_found', `site ${id} does not exist`)
  const key = stored.key
  const r = await detectSite(site.endpointUrl ?? site.baseUrl, key, {
    connectTimeoutMs: config().STEPWISE_CONNECT_TIMEOUT_MS,
    timeoutMs: 30_000,
  })
  // A stored endpoint that stopped answering may have moved: try the site root too.
  const result = !r.ok && site.endpointUrl ? await detectSite(site.baseUrl, key, { timeoutMs: 30_000 }) : r
  const conn = connectionFrom(result)
  // A failed check keeps the profiles we knew: they are still the site's, just unreachable now.
  await saveConnection(id, conn, conn.connectionStatus === 'ok')
  await recordAudit('site.rechecked', {
    actor,
    siteId: id,
    details: { ok: result.ok, cause: result.ok ? null : result.cause },
  })
  return (await getSite(id))!
}

export async function updateSite(id: string, input: UpdateSiteInput, actor: string | null = null): Promise<SiteDto> {
  const cur = await siteExists(id)
  if (!cur) throw notFound('site', id)
  const site = (await getSite(id))!
  const baseUrl = input.url ? normalizeUrl(input.url) : site.baseUrl
  const hostGroup = input.hostGroup !== undefined ? input.hostGroup : site.hostGroup
  await updateSiteRow(id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.url !== undefined ? { baseUrl } : {}),
    ...(input.key !== undefined ? { keyCiphertext: encryptSiteKey(input.key) } : {}),
    ...(input.hostGroup !== undefined ? { hostGroup: input.hostGroup } : {}),
    hostKey: hostKeyOf(baseUrl, hostGroup),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
    ...(input.maxBackupAgeHours !== undefined ? { maxBackupAgeHours: input.maxBackupAgeHours } : {}),
    ...(input.defaultProfileId !== undefined ? { defaultProfileId: input.defaultProfileId } : {}),
  })
  await recordAudit('site.updated', { actor, siteId: id, details: { fields: Object.keys(input) } })
  // A new URL or key must be proven before backups use it.
  if (input.url !== undefined || input.key !== undefined) return recheckSite(id, actor)
  return (await getSite(id))!
}
