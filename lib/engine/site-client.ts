// Builds the API client for a run's site: endpoint from the site row, key decrypted only here, for
// this call. Clients are cached per site version for a short while (one DB read per tick otherwise).
import { AkeebaClient } from '../akeeba/client'
import type { Endpoint, Platform } from '../akeeba/types'
import { siteSecretsForEngine } from '../db/site-secrets'
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
  return new AkeebaClient({ endpoint, key, timeoutMs: c.STEPWISE_STEP_TIMEOUT_MS, connectTimeoutMs: c.STEPWISE_CONNECT_TIMEOUT_MS })
}

const cache = new Map<string, { version: number; api: SiteApi }>()

/** The API of a run's site. With `site` (id + row version) a cached client is used without a query. */
export async function apiForRun(runId: string, site?: { id: string; version: number }): Promise<SiteApi> {
  if (site) {
    const hit = cache.get(site.id)
    if (hit && hit.version === site.version) return hit.api
  }
  const s = await siteSecretsForEngine({ runId })
  const api = siteApiFromClient(clientFor({ url: s.endpointUrl, platform: s.platform as Platform }, s.key))
  cache.set(s.siteId, { version: s.version, api })
  return api
}
