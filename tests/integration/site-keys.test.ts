// The secret that seals site keys: the start-up check names STEPWISE_SECRET_KEY / the key file when
// the stored keys cannot be opened, and rotation re-encrypts every key under a new secret, all or
// nothing (SQLite and PostgreSQL).
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetConfigForTests } from '@/lib/config'
import { db } from '@/lib/db/client'
import { readSiteKey } from '@/lib/db/site-secrets'
import { checkSiteKeysDecrypt, SecretKeyMismatchError } from '@/lib/secrets/check-site-keys'
import { rotateSecret } from '@/lib/secrets/rotate-secret'
import { currentSecret, encryptSiteKey, resetSiteKeyCacheForTests } from '@/lib/secrets/site-key-cipher'
import { freshDatabase, type TestDb } from './helpers/test-db'

let t: TestDb
beforeAll(async () => {
  delete process.env.STEPWISE_SECRET_KEY
  t = await freshDatabase()
})
afterAll(async () => {
  useSecret(undefined)
  await t.cleanup()
})

function useSecret(secret: string | undefined) {
  if (secret === undefined) delete process.env.STEPWISE_SECRET_KEY
  else process.env.STEPWISE_SECRET_KEY = secret
  resetConfigForTests()
  resetSiteKeyCacheForTests()
}

const newSecret = () => randomBytes(32).toString('base64')

async function addSiteRow(name: string, key: string) {
  const row = await db().site.create({
    data: { name, baseUrl: `https://${name}.example/`, keyCiphertext: encryptSiteKey(key), hostKey: `host:${name}` },
  })
  return row.id
}

describe('site keys and the secret', () => {
  it('start-up check: no sites → nothing to check', async () => {
    await expect(checkSiteKeysDecrypt()).resolves.toBeUndefined()
  })

  it('start-up check passes with the right secret and refuses a changed one, naming it', async () => {
    await addSiteRow('alpha', 'Alpha-Key-0123456789')
    await expect(checkSiteKeysDecrypt()).resolves.toBeUndefined()
    const fileSecret = currentSecret()

    useSecret(newSecret())
    const err = await checkSiteKeysDecrypt().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SecretKeyMismatchError)
    expect((err as Error).message).toMatch(/STEPWISE_SECRET_KEY \(set in the environment\)/)
    expect((err as Error).message).toMatch(/rotate-secret/)

    // Unset again, but the key file no longer holds the secret the keys were sealed with.
    writeFileSync(`${t.dataDir}/secret.key`, newSecret() + '\n')
    useSecret(undefined)
    const fileErr = await checkSiteKeysDecrypt().catch((e: unknown) => e)
    expect((fileErr as Error).message).toContain(`the key file ${t.dataDir}/secret.key`)
    expect((fileErr as Error).message).toMatch(/STEPWISE_SECRET_KEY/)

    writeFileSync(`${t.dataDir}/secret.key`, fileSecret + '\n')
    useSecret(undefined)
    await expect(checkSiteKeysDecrypt()).resolves.toBeUndefined()
  })

  it('rotation re-encrypts every key; a wrong old secret changes nothing', async () => {
    await addSiteRow('beta', 'Beta-Key-0123456789/+=')
    const old = currentSecret()
    const next = newSecret()
    const before = await db().site.findMany({ select: { id: true, keyCiphertext: true }, orderBy: { id: 'asc' } })

    await expect(rotateSecret(newSecret(), next)).rejects.toThrow(/cannot be decrypted with the old secret/)
    expect(await db().site.findMany({ select: { id: true, keyCiphertext: true }, orderBy: { id: 'asc' } })).toEqual(
      before,
    )
    await expect(rotateSecret('short', next)).rejects.toThrow(/32 random bytes/)

    await expect(rotateSecret(old, next)).resolves.toEqual({ rotated: 2 })
    // Still the old secret configured: the start-up check now refuses.
    await expect(checkSiteKeysDecrypt()).rejects.toBeInstanceOf(SecretKeyMismatchError)

    useSecret(next)
    await expect(checkSiteKeysDecrypt()).resolves.toBeUndefined()
    const keys = await Promise.all(before.map((r) => readSiteKey({ siteId: r.id })))
    expect(keys.map((k) => k?.key).sort()).toEqual(['Alpha-Key-0123456789', 'Beta-Key-0123456789/+='])
  })
})
