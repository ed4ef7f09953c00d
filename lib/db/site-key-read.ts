// Reads a site's key for connection checks, even before the site has an endpoint.
import { db } from './client'
import { decryptSiteKey } from '../secrets/site-key-cipher'
import { AppError } from '../api/errors'

export async function decryptStoredKey(siteId: string): Promise<string> {
  const s = await db().site.findUnique({ where: { id: siteId }, select: { keyCiphertext: true } })
  if (!s) throw new AppError('not_found', `site ${siteId} does not exist`)
  return decryptSiteKey(s.keyCiphertext)
}
