// An Akeeba client for one site, built per request: the key is decrypted here and lives only as
// long as the call (lib/db/site-secrets.ts is the only decryptor).
import type { AkeebaClient } from '../akeeba/client'
import type { Platform } from '../akeeba/types'
import { siteSecretsForEngine } from '../db/site-secrets'
import { clientFor } from '../engine/site-client'

export async function clientForSite(siteId: string): Promise<AkeebaClient> {
  const s = await siteSecretsForEngine({ siteId })
  return clientFor({ url: s.endpointUrl, platform: s.platform as Platform }, s.key)
}
