// Signed-in e2e: the owner made at setup (by 0-first-start.spec.ts through the page, or here through
// the API when a spec runs alone), sessions from better-auth's real sign-in endpoint, and the Cookie
// header for the specs that call the API from Node with fetch.
import type { Cookie } from '@playwright/test'

export const E2E_BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`

export const OWNER = { email: 'owner@agency.test', password: 'correct horse battery', name: 'Olivia Owner' }
export const PASSWORD = 'correct horse battery'

/** Creates the owner through POST /api/setup when the server has no user yet. */
export async function ensureOwner(base = E2E_BASE): Promise<void> {
  const state = (await (await fetch(`${base}/api/setup`)).json()) as { needed: boolean }
  if (!state.needed) return
  const r = await fetch(`${base}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OWNER),
  })
  if (r.status !== 201 && r.status !== 409) throw new Error(`setup: ${r.status} ${await r.text()}`)
}

/** Signs in through POST /api/auth/sign-in/email; returns the cookies it set. */
export async function signInCookies(email: string, password: string, base = E2E_BASE): Promise<Cookie[]> {
  const r = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  })
  if (r.status !== 200) throw new Error(`sign-in as ${email}: ${r.status} ${await r.text()}`)
  const host = new URL(base).hostname
  return r.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';')
    const i = pair.indexOf('=')
    return {
      name: pair.slice(0, i),
      value: pair.slice(i + 1),
      domain: host,
      path: '/',
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: 'Lax' as const,
    }
  })
}

export const cookieHeader = (cookies: Cookie[]) => cookies.map((c) => `${c.name}=${c.value}`).join('; ')

let owner: Promise<Cookie[]> | undefined
/** The owner's session cookies, signed in once per worker process. */
export function ownerCookies(base = E2E_BASE): Promise<Cookie[]> {
  owner ??= ensureOwner(base).then(() => signInCookies(OWNER.email, OWNER.password, base))
  return owner
}

/** fetch to the dashboard as the signed-in owner (Node side, for setting up data). */
export async function ownerFetch(path: string, init: RequestInit = {}, base = E2E_BASE): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('cookie', cookieHeader(await ownerCookies(base)))
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json')
  return fetch(`${base}${path}`, { ...init, headers })
}

let n = 0
/** A new user of this role made by the owner through POST /api/users; returns its e-mail. */
export async function addUser(role: 'admin' | 'operator' | 'viewer', name?: string): Promise<string> {
  const email = `${role}-${Date.now().toString(36)}-${(n++).toString(36)}@agency.test`
  const r = await ownerFetch('/api/users', {
    method: 'POST',
    body: JSON.stringify({ email, password: PASSWORD, role, ...(name ? { name } : {}) }),
  })
  if (r.status !== 201) throw new Error(`add ${role}: ${r.status} ${await r.text()}`)
  return email
}
