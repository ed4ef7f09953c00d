// At start: can the configured secret open the stored site keys? A changed STEPWISE_SECRET_KEY (or a
// lost or replaced key file) would otherwise surface later as runs that cannot start and routes that
// answer 500. One stored key is enough: they are all sealed with the same secret.
import { config } from '../config'
import { anySiteKeyCiphertext } from '../db/site-keys'
import { decryptSiteKey } from './site-key-cipher'

export class SecretKeyMismatchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SecretKeyMismatchError'
  }
}

export function secretSource(): string {
  const c = config()
  return c.STEPWISE_SECRET_KEY
    ? 'STEPWISE_SECRET_KEY (set in the environment)'
    : `the key file ${c.keyFile} (STEPWISE_SECRET_KEY is not set)`
}

/** Throws SecretKeyMismatchError naming the secret's source when a stored site key cannot be decrypted. */
export async function checkSiteKeysDecrypt(): Promise<void> {
  const row = await anySiteKeyCiphertext()
  if (!row) return
  try {
    decryptSiteKey(row.keyCiphertext)
  } catch (cause) {
    throw new SecretKeyMismatchError(
      `The stored site keys cannot be decrypted with ${secretSource()} (tried site ${row.siteId}). ` +
        'Stepwise will not start with a secret that cannot read them: set STEPWISE_SECRET_KEY (or restore the key ' +
        'file) to the secret the keys were saved with. To move to a new secret, run ' +
        '`npm run -s stepwise -- rotate-secret` with the old one still configured.',
      { cause },
    )
  }
}
