// Who is making a request: an API token (`Authorization: Bearer …`) or a signed-in user's session
// cookie. Null when neither is valid. Disabled users have no actor even with a live cookie.
import { findUser } from '../db/users'
import { isRole, type Actor } from '../domain/roles'
import { verifyApiToken } from './api-tokens'
import { auth } from './auth'

/** The client address as the last proxy in front of us saw it (or unknown when called directly). */
export function clientIp(headers: Headers): string | null {
  const fwd = headers.get('x-forwarded-for')
  if (fwd) return fwd.split(',')[0].trim() || null
  return headers.get('x-real-ip')
}

export async function actorFromHeaders(headers: Headers): Promise<Actor | null> {
  const ip = clientIp(headers)
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')
  if (bearer) {
    const t = await verifyApiToken(bearer[1])
    return t ? { kind: 'token', id: t.id, label: `token:${t.name}`, name: t.name, role: t.role, ip } : null
  }
  if (!headers.get('cookie')) return null
  const s = await auth().api.getSession({ headers })
  if (!s) return null
  // The row, not the cached session: a role change or a disable takes effect at once.
  const u = await findUser({ id: s.user.id })
  if (!u || u.disabled || !isRole(u.role)) return null
  return { kind: 'user', id: u.id, label: u.email, name: u.name, role: u.role, ip, sessionId: s.session.id }
}
