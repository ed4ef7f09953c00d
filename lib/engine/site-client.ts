// Builds the API client for a run's site: endpoint from the site row, key read only here, for this
// call (lib/db/site-secrets.ts decrypts it). Clients are cached per site version for a short while
// (one DB read per tick otherwise).
import { AkeebaClient } from '../akeeba/client'
import type { Endpoint, Platform } from '../akeeba/types'
import { KeyUndecryptableError, readSiteKey, type SiteKey } from '../db/site-secrets'
import { AppError } from '../api/errors'
import { config } from '../config'
import type { SiteApi } from './site-api'

export function siteApiFromClient(c: AkeebaClient): SiteApi {
  return {
    startBackup: (p, signal) => c.startBackup(p, { signal }),
    stepBackup: (id, signal) => c.stepBackup(id, { signal }),
    getBackupInfo: (id, signal) => c.getBackupInfo(id, { signal }),
    listBackups: (from, limit, signal) => c.listBackups(from, limit, { signal }),
    deleteRecord: (id, signal) => c.delete(id, { signal }),
  }
}

export function clientFor(endpoint: Endpoint, key: string): AkeebaClient {
  const c = config()
  return new AkeebaClient({
    endpoint,
    key,
    timeoutMs: c.STEPWISE_STEP_TIMEOUT_MS,
    connectTimeoutMs: c.STEPWISE_CONNECT_TIMEOUT_MS,
  })
}

/** A site the API can be called on: it exists and a connection check found its endpoint. */
export function connectedSite(s: SiteKey | null): SiteKey & { endpoint: Endpoint } {
  if (!s) throw new AppError('not_found', 'site does not exist')
  if (!s.endpoint) throw new AppError('conflict', 'This site is not connected yet: re-check its connection first.')
  return { ...s, endpoint: { url: s.endpoint.url, platform: s.endpoint.platform as Platform } }
}

/** A run's site cannot be called and will not become callable by waiting: its run fails at once. */
export class SiteUnusableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SiteUnusableError'
  }
}

const cache = new Map<string, { version: number; api: SiteApi }>()

async function siteOfRun(runId: string): Promise<SiteKey & { endpoint: Endpoint }> {
  let s: SiteKey | null
  try {
    s = await readSiteKey({ runId })
  } catch (e) {
    if (e instanceof KeyUndecryptableError) {
      throw new SiteUnusableError(
        "The site's stored key cannot be decrypted: the secret (STEPWISE_SECRET_KEY or the key file in the data folder) changed since the key was saved. Restore the old secret, or enter the site's key again on its page.",
      )
    }
    throw e
  }
  if (!s) throw new SiteUnusableError('The site of this backup no longer exists.')
  if (!s.endpoint)
    throw new SiteUnusableError(
      'The site has no known API endpoint (it is not connected): re-check its connection on the site page, then back up again.',
    )
  return connectedSite(s)
}

/** The API of a run's site. With `site` (id + row version) a cached client is used without a query. */
export async function apiForRun(runId: string, site?: { id: string; version: number }): Promise<SiteApi> {
  if (site) {
    const hit = cache.get(site.id)
    if (hit && hit.version === site.version) return hit.api
  }
  const s = await siteOfRun(runId)
  const api = siteApiFromClient(clientFor(s.endpoint, s.key))
  cache.set(s.siteId, { version: s.version, api })
  return api
}
