// The only reader of a site's encrypted key (STYLE.md rule 2): returns it decrypted for one call to
// the site. Nothing else selects keyCiphertext.
import { db } from './client'
import { decryptSiteKey } from '../secrets/site-key-cipher'

export interface SiteKey {
  siteId: string
  key: string
  /** Where the API answers; null until a connection check found it. */
  endpoint: { url: string; platform: string } | null
  /** Changes whenever the site row changes (cache key). */
  version: number
}

/** The stored key cannot be decrypted with the current secret (STEPWISE_SECRET_KEY or the key file). */
export class KeyUndecryptableError extends Error {
  constructor(readonly siteId: string) {
    super(`The stored key of site ${siteId} cannot be decrypted with the current secret.`)
    this.name = 'KeyUndecryptableError'
  }
}

function decrypt(siteId: string, stored: string): string {
  try {
    return decryptSiteKey(stored)
  } catch {
    throw new KeyUndecryptableError(siteId)
  }
}

/** The site's key and endpoint, by the site or by one of its runs; null when there is no such site. */
export async function readSiteKey(by: { runId: string } | { siteId: string }): Promise<SiteKey | null> {
  const select = { id: true, endpointUrl: true, platform: true, keyCiphertext: true, updatedAt: true } as const
  const site =
    'runId' in by
      ? (await db().backupRun.findUnique({ where: { id: by.runId }, select: { site: { select } } }))?.site
      : await db().site.findUnique({ where: { id: by.siteId }, select })
  if (!site) return null
  return {
    siteId: site.id,
    key: decrypt(site.id, site.keyCiphertext),
    endpoint: site.endpointUrl && site.platform ? { url: site.endpointUrl, platform: site.platform } : null,
    version: site.updatedAt.getTime(),
  }
}
