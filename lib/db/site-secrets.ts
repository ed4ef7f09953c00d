// The only reader of a site's encrypted key (STYLE.md rule 2): returns it decrypted for one call to
// the site. Nothing else selects keyCiphertext.
import { db } from './client'
import { decryptSiteKey } from '../secrets/site-key-cipher'
import { AppError } from '../api/errors'

export interface SiteSecrets {
  siteId: string
  endpointUrl: string
  platform: string
  key: string
  /** Changes whenever the site row changes (cache key). */
  version: number
}

export async function siteSecretsForEngine(by: { runId: string } | { siteId: string }): Promise<SiteSecrets> {
  const select = { id: true, endpointUrl: true, platform: true, keyCiphertext: true, updatedAt: true } as const
  const site = 'runId' in by
    ? (await db().backupRun.findUnique({ where: { id: by.runId }, select: { site: { select } } }))?.site
    : await db().site.findUnique({ where: { id: by.siteId }, select })
  if (!site) throw new AppError('not_found', 'site does not exist')
  if (!site.endpointUrl || !site.platform) throw new AppError('conflict', 'This site is not connected yet: re-check its connection first.')
  return { siteId: site.id, endpointUrl: site.endpointUrl, platform: site.platform, key: decryptSiteKey(site.keyCiphertext), version: site.updatedAt.getTime() }
}
