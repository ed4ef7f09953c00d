// Re-encrypts every stored site key under a new secret, all or nothing (one transaction). Stop
// Stepwise (web and workers) first: a process still running with the old secret would write keys the
// new one cannot read. Afterwards set STEPWISE_SECRET_KEY (or the key file) to the new secret.
// Sessions are signed with a secret derived from the same one (derivedSecret): people sign in again.
import { rewriteAllSiteKeys } from '../db/site-keys'
import { decryptWith, encryptWith, secretFromBase64, SiteKeyDecryptError } from './site-key-cipher'

export interface RotateResult {
  /** Site keys re-encrypted. */
  rotated: number
}

export async function rotateSecret(oldKey: string, newKey: string): Promise<RotateResult> {
  const from = secretFromBase64(oldKey, 'the old secret')
  const to = secretFromBase64(newKey, 'the new secret')
  const rotated = await rewriteAllSiteKeys((ciphertext, siteId) => {
    let plain: string
    try {
      plain = decryptWith(from, ciphertext)
    } catch (cause) {
      throw new SiteKeyDecryptError(
        `The key of site ${siteId} cannot be decrypted with the old secret; nothing was changed. ` +
          'Give the secret the keys were saved with as the old one.',
        { cause },
      )
    }
    return encryptWith(to, plain)
  })
  return { rotated }
}
