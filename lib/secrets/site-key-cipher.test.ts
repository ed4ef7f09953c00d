import { mkdtempSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { resetConfigForTests } from '../config'
import { decryptSiteKey, encryptSiteKey, resetSiteKeyCacheForTests } from './site-key-cipher'

function useDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sw-key-'))
  process.env.STEPWISE_DATA_DIR = dir
  delete process.env.STEPWISE_SECRET_KEY
  resetConfigForTests()
  resetSiteKeyCacheForTests()
  return dir
}

afterEach(() => {
  delete process.env.STEPWISE_DATA_DIR
  delete process.env.STEPWISE_SECRET_KEY
  resetConfigForTests()
  resetSiteKeyCacheForTests()
})

describe('site key cipher', () => {
  it('round-trips and never stores the plain key', () => {
    useDataDir()
    const stored = encryptSiteKey('s3cretKey123')
    expect(stored).not.toContain('s3cretKey123')
    expect(stored.startsWith('v1:')).toBe(true)
    expect(decryptSiteKey(stored)).toBe('s3cretKey123')
  })

  it('uses a fresh IV each time', () => {
    useDataDir()
    expect(encryptSiteKey('same')).not.toBe(encryptSiteKey('same'))
  })

  it('generates a private key file when no key is configured', () => {
    const dir = useDataDir()
    encryptSiteKey('x')
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600)
  })

  it('rejects tampered ciphertext', () => {
    useDataDir()
    const stored = encryptSiteKey('abc')
    const buf = Buffer.from(stored.slice(3), 'base64')
    buf[buf.length - 1] ^= 1
    expect(() => decryptSiteKey('v1:' + buf.toString('base64'))).toThrow()
  })

  it('a different master key cannot decrypt', () => {
    useDataDir()
    const stored = encryptSiteKey('abc')
    process.env.STEPWISE_SECRET_KEY = Buffer.alloc(32, 7).toString('base64')
    resetConfigForTests()
    resetSiteKeyCacheForTests()
    expect(() => decryptSiteKey(stored)).toThrow()
  })
})

describe('explicit secrets (rotation)', () => {
  it('a key sealed with one secret opens only with it', async () => {
    const { decryptWith, encryptWith, secretFromBase64, SiteKeyDecryptError } = await import('./site-key-cipher')
    const a = secretFromBase64(Buffer.alloc(32, 1).toString('base64'))
    const b = secretFromBase64(Buffer.alloc(32, 2).toString('base64'))
    const sealed = encryptWith(a, 'Key-0123456789abcdef')
    expect(decryptWith(a, sealed)).toBe('Key-0123456789abcdef')
    expect(() => decryptWith(b, sealed)).toThrow(SiteKeyDecryptError)
    expect(() => secretFromBase64('too-short')).toThrow(/32 random bytes/)
  })
})
