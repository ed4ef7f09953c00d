// Sign-in is rate limited per client address: after STEPWISE_SIGNIN_ATTEMPTS_PER_MINUTE attempts in a
// minute the next gets 429, whatever the password; another address is not affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auth } from '@/lib/auth/auth'
import { createUser } from '@/lib/auth/users'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { ORIGIN, TEST_PASSWORD } from './helpers/auth'

let tdb: TestDb
beforeAll(async () => {
  tdb = await freshDatabase()
  await createUser({ email: 'limited@agency.test', password: TEST_PASSWORD, role: 'viewer' }, null)
})
afterAll(async () => {
  await tdb.cleanup()
})

const attempt = (password: string, ip: string) =>
  auth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, host: '127.0.0.1:3000', 'x-forwarded-for': ip },
      body: JSON.stringify({ email: 'limited@agency.test', password }),
    }),
  )

describe('sign-in rate limit', () => {
  it('the 11th attempt in a minute from one address is refused with 429, even with the right password', async () => {
    for (let i = 0; i < 10; i++) expect((await attempt('wrong password!!', '198.51.100.7')).status).toBe(401)
    expect((await attempt(TEST_PASSWORD, '198.51.100.7')).status).toBe(429)
    expect((await attempt(TEST_PASSWORD, '198.51.100.8')).status).toBe(200)
  })
})
