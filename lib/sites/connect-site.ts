// Adding, checking ("relink") and editing sites: endpoint detection first, then the row.
// What the site answered is the person's input problem (a wrong key, an address that is not Akeeba):
// 422 naming the field, with the cause and the wizard's advice in details.
import { detectSite, type DetectOptions, type DetectResult } from '../akeeba/detect-endpoint'
import type { DetectCause } from '../akeeba/probe-outcome'
import { AppError, notFound } from '../api/errors'
import { config } from '../config'
import { encryptSiteKey } from '../secrets/site-key-cipher'
import { insertSite, saveConnection, updateSiteRow, siteExists, type Connection } from '../db/sites'
import { replaceSiteAddress } from '../db/site-keys'
import { readSiteKey } from '../db/site-secrets'
import { recordAudit } from '../db/audit'
import type { SiteDto } from '../domain/sites'
import { hostKeyOf, normalizeUrl, type CreateSiteInput, type UpdateSiteInput } from './site-input'
import { getSite } from './list-sites'
import { syncSiteArchives } from '../archives/sync-archives'
import { logger } from '../log'

/**
 * Reads a connected site's backup records right away, so its archives and backup state are right the
 * moment it is added or re-linked (no Refresh needed). A site that answers detection but not the list
 * is still saved: the background sync tries again (lib/archives/background-sync.ts).
 */
async function syncNow(siteId: string): Promise<void> {
  try {
    await syncSiteArchives(siteId)
  } catch (e) {
    logger().warn({ siteId, err: e instanceof Error ? e.message : e }, 'archive sync after connecting failed')
  }
}
import { fetchSiteTitle } from './fetch-site-title'
import { suggestName } from './site-title'

export interface CheckResult {
  ok: boolean
  cause?: DetectCause
  message?: string
  advice?: string
  endpoint?: { url: string; platform: string }
  version?: { api: number; component: string; edition: string; date: string }
  profiles?: { id: number; name: string }[]
  /** A default name: the home page's <title> (cleaned), else the host name. */
  suggestedName: string
}

type DetectFailure = Extract<DetectResult, { ok: false }>

const detectOptions = (): DetectOptions => ({
  connectTimeoutMs: config().STEPWISE_CONNECT_TIMEOUT_MS,
  timeoutMs: 30_000,
})

/**
 * The wizard's first step: a diagnosis, so a site that answers wrongly is a 200 with ok:false and the
 * cause. An address the guard refuses is not a diagnosis but a refusal: 422 on the url field.
 */
export async function checkSite(url: string, key: string): Promise<CheckResult> {
  const baseUrl = normalizeUrl(url)
  // The home page's title is read alongside detection (same guard, short deadline, never fails the check).
  const [r, title] = await Promise.all([detectSite(baseUrl, key, detectOptions()), fetchSiteTitle(baseUrl)])
  if (!r.ok && r.cause === 'refused_address') throw failureError(r)
  const suggestedName = suggestName(baseUrl, title)
  return r.ok
    ? { ok: true, endpoint: r.endpoint, version: r.version, profiles: r.profiles, suggestedName }
    : { ok: false, cause: r.cause, message: r.message, advice: r.advice, suggestedName }
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

/** 422: the key field for "Access denied", the url field for everything else. */
function failureError(r: DetectFailure): AppError {
  return new AppError('unprocessable', r.message, {
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
  const r = await detectSite(baseUrl, input.key, detectOptions())
  // A refused address is never saved, not even "anyway": no call would ever be allowed to it.
  if (!r.ok && (!input.saveIfUnreachable || r.cause === 'refused_address')) throw failureError(r)
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
  if (r.ok) await syncNow(id)
  await recordAudit('site.added', { actor, siteId: id, details: { name: input.name, url: baseUrl, connected: r.ok } })
  return (await getSite(id))!
}

/** Re-runs detection with the stored key ("relink") at the stored address and stores what it found. */
export async function recheckSite(id: string, actor: string | null = null): Promise<SiteDto> {
  const site = await getSite(id)
  if (!site) throw notFound('site', id)
  const stored = await readSiteKey({ siteId: id })
  if (!stored) throw new AppError('not_found', `site ${id} does not exist`)
  const key = stored.key
  const r = await detectSite(site.endpointUrl ?? site.baseUrl, key, detectOptions())
  // A stored endpoint that stopped answering may have moved within the site: try the site root too.
  const result = !r.ok && site.endpointUrl ? await detectSite(site.baseUrl, key, detectOptions()) : r
  const conn = connectionFrom(result)
  // A failed check keeps the profiles we knew: they are still the site's, just unreachable now.
  await saveConnection(id, conn, conn.connectionStatus === 'ok')
  if (result.ok) await syncNow(id)
  await recordAudit('site.rechecked', {
    actor,
    siteId: id,
    details: { ok: result.ok, cause: result.ok ? null : result.cause },
  })
  return (await getSite(id))!
}

/**
 * A new address or key is proven before anything is stored: detection runs at the new address with
 * the key from this request (the stored key never goes to a new address), and address, endpoint and
 * encrypted key are written together only when it succeeds. A failure is a 422 and changes nothing.
 */
async function moveSite(site: SiteDto, input: UpdateSiteInput & { key: string }): Promise<void> {
  const baseUrl = input.url !== undefined ? normalizeUrl(input.url) : site.baseUrl
  // Same address, new key: start from the endpoint we know; a new address starts from scratch.
  const from = input.url !== undefined ? baseUrl : (site.endpointUrl ?? site.baseUrl)
  const r = await detectSite(from, input.key, detectOptions())
  if (!r.ok) throw failureError(r)
  const conn = connectionFrom(r)
  const profileIds = r.profiles.map((p) => p.id)
  if (!profileIds.includes(site.defaultProfileId)) conn.defaultProfileId = profileIds[0] ?? 1
  const hostGroup = input.hostGroup !== undefined ? input.hostGroup : site.hostGroup
  await replaceSiteAddress(
    site.id,
    { baseUrl, hostKey: hostKeyOf(baseUrl, hostGroup), keyCiphertext: encryptSiteKey(input.key) },
    conn,
  )
}

export async function updateSite(id: string, input: UpdateSiteInput, actor: string | null = null): Promise<SiteDto> {
  const cur = await siteExists(id)
  if (!cur) throw notFound('site', id)
  const site = (await getSite(id))!
  if (input.url !== undefined && input.key === undefined) {
    throw new AppError(
      'validation_failed',
      "key: is required when the address changes (enter the site's Secret Word again)",
      {
        field: 'key',
      },
    )
  }
  const { key } = input
  if (key !== undefined) await moveSite(site, { ...input, key })
  const baseUrl = input.url !== undefined ? normalizeUrl(input.url) : site.baseUrl
  const hostGroup = input.hostGroup !== undefined ? input.hostGroup : site.hostGroup
  await updateSiteRow(id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.hostGroup !== undefined ? { hostGroup: input.hostGroup } : {}),
    hostKey: hostKeyOf(baseUrl, hostGroup),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
    ...(input.maxBackupAgeHours !== undefined ? { maxBackupAgeHours: input.maxBackupAgeHours } : {}),
    ...(input.defaultProfileId !== undefined ? { defaultProfileId: input.defaultProfileId } : {}),
  })
  // A new address or key is a re-link: read the archive list there (moveSite proved it answers).
  if (key !== undefined) await syncNow(id)
  await recordAudit('site.updated', { actor, siteId: id, details: { fields: Object.keys(input) } })
  return (await getSite(id))!
}
