// Signed-in requests for integration tests: users made through the app's own code, sign-in through
// better-auth's real endpoint (the cookie it sets), and API tokens.
import { auth } from '@/lib/auth/auth'
import { createApiToken } from '@/lib/auth/api-tokens'
import { createUser } from '@/lib/auth/users'
import type { Role } from '@/lib/domain/roles'

export const TEST_PASSWORD = 'correct horse battery'

export const ORIGIN = 'http://127.0.0.1:3000'

/** POSTs to one of better-auth's endpoints as a browser on our origin would. */
export async function authPost(path: string, body: unknown, cookie?: string): Promise<Response> {
  return auth().handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: ORIGIN,
        host: '127.0.0.1:3000',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  )
}

/** The cookies a response sets, as a Cookie header value. */
export function cookiesOf(res: Response, prev = ''): string {
  const jar = new Map(prev ? prev.split('; ').map((c) => c.split('=', 2) as [string, string]) : [])
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';')
    const i = pair.indexOf('=')
    jar.set(pair.slice(0, i), pair.slice(i + 1))
  }
  return [...jar]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ')
}

export async function signIn(email: string, password = TEST_PASSWORD): Promise<{ res: Response; cookie: string }> {
  const res = await authPost('/sign-in/email', { email, password })
  return { res, cookie: cookiesOf(res) }
}

let n = 0
/** A new user of this role, signed in: the Cookie header to send. */
export async function signedInAs(role: Role): Promise<{ email: string; cookie: string }> {
  const email = `${role}-${++n}-${Math.random().toString(36).slice(2, 6)}@agency.test`
  await createUser({ email, password: TEST_PASSWORD, role }, null)
  const { res, cookie } = await signIn(email)
  if (res.status !== 200) throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`)
  return { email, cookie }
}

/** A new API token of this role: the Authorization header to send. */
export async function bearerFor(role: Exclude<Role, 'owner'>): Promise<string> {
  const { token } = await createApiToken({ name: `test ${role} ${++n}`, role }, null)
  return `Bearer ${token}`
}
