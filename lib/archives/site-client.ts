// An Akeeba client for one site, built per request: the key is read here and lives only as long as
// the call (lib/db/site-secrets.ts is the only decryptor).
import type { AkeebaClient } from '../akeeba/client'
import { readSiteKey } from '../db/site-secrets'
import { clientFor, connectedSite } from '../engine/site-client'

export async function clientForSite(siteId: string): Promise<AkeebaClient> {
  const s = connectedSite(await readSiteKey({ siteId }))
  return clientFor(s.endpoint, s.key)
}
