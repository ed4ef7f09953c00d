// Site keys are stored encrypted at rest with AES-256-GCM. The key material lives outside the
// database: STEPWISE_SECRET_KEY, or a key file generated on first use in the data folder (0600).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { config } from '../config'

const VERSION = 'v1'

let cachedKey: Buffer | undefined

function masterKey(): Buffer {
  if (cachedKey) return cachedKey
  const c = config()
  if (c.STEPWISE_SECRET_KEY) return (cachedKey = Buffer.from(c.STEPWISE_SECRET_KEY, 'base64'))
  if (!existsSync(c.keyFile)) {
    mkdirSync(path.dirname(c.keyFile), { recursive: true })
    // 'wx' fails if another process created it first; then we read theirs.
    try {
      writeFileSync(c.keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
  }
  const key = Buffer.from(readFileSync(c.keyFile, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`key file ${c.keyFile} does not hold 32 bytes of base64`)
  return (cachedKey = key)
}

/** A secret for another purpose (e.g. signing session cookies), derived from the same key material. */
export function derivedSecret(purpose: string): string {
  return Buffer.from(hkdfSync('sha256', masterKey(), Buffer.alloc(0), `stepwise:${purpose}`, 32)).toString('base64')
}

/** The secret as base64, as STEPWISE_SECRET_KEY or the key file holds it (the rotate command's "old" default). */
export function currentSecret(): string {
  return masterKey().toString('base64')
}

/** 32 bytes from base64 text (STEPWISE_SECRET_KEY's form); throws a plain-words error otherwise. */
export function secretFromBase64(text: string, what = 'the secret'): Buffer {
  const key = Buffer.from(text.trim(), 'base64')
  if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text.trim()))
    throw new Error(`${what} must be 32 random bytes in base64 (openssl rand -base64 32)`)
  return key
}

/** A stored key that this secret cannot open: wrong STEPWISE_SECRET_KEY / key file, or a damaged row. */
export class SiteKeyDecryptError extends Error {
  readonly code = 'ESTEPWISE_SITE_KEY_DECRYPT'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SiteKeyDecryptError'
  }
}

export function encryptWith(secret: Buffer, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', secret, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

export function decryptWith(secret: Buffer, stored: string): string {
  const [version, payload] = stored.split(':', 2)
  if (version !== VERSION || !payload) throw new SiteKeyDecryptError('unknown site key format')
  const buf = Buffer.from(payload, 'base64')
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, buf.subarray(0, 12))
    decipher.setAuthTag(buf.subarray(12, 28))
    return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8')
  } catch (cause) {
    // GCM's "Unsupported state or unable to authenticate data": the secret is not the one it was sealed with.
    throw new SiteKeyDecryptError('the stored site key cannot be decrypted with this secret', { cause })
  }
}

export function encryptSiteKey(plain: string): string {
  return encryptWith(masterKey(), plain)
}

export function decryptSiteKey(stored: string): string {
  return decryptWith(masterKey(), stored)
}

export function resetSiteKeyCacheForTests(): void {
  cachedKey = undefined
}
