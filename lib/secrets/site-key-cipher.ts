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

export function encryptSiteKey(plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', masterKey(), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

export function decryptSiteKey(stored: string): string {
  const [version, payload] = stored.split(':', 2)
  if (version !== VERSION || !payload) throw new Error('unknown site key format')
  const buf = Buffer.from(payload, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', masterKey(), buf.subarray(0, 12))
  decipher.setAuthTag(buf.subarray(12, 28))
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8')
}

export function resetSiteKeyCacheForTests(): void {
  cachedKey = undefined
}
