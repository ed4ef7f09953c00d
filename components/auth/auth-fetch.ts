// Calls to better-auth's endpoints under /api/auth. They answer errors as { code, message } rather
// than our envelope, and rate-limit sign-in attempts (429), so they get their own small client.
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'AuthError'
  }
}

const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'The e-mail or password is not right.',
  INVALID_PASSWORD: 'That password is not right.',
  INVALID_CODE: 'That code is not right. Codes change every 30 seconds: try the current one.',
  INVALID_BACKUP_CODE: 'That backup code is not right, or it was used already.',
  INVALID_TWO_FACTOR_COOKIE: 'The sign-in took too long. Start again with your e-mail and password.',
  PASSWORD_TOO_SHORT: 'The new password is too short: use at least 10 characters.',
}

export async function authPost<T>(path: string, body: unknown = {}): Promise<T> {
  let res: Response
  try {
    res = await fetch(`/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    })
  } catch {
    throw new AuthError(0, 'network', 'Stepwise did not answer. Is the server running?')
  }
  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    // Not JSON: the status speaks for itself.
  }
  if (res.ok) return data as T
  if (res.status === 429)
    throw new AuthError(429, 'too_many_requests', 'Too many attempts. Wait a minute, then try again.')
  const d = data as { code?: string; message?: string; error?: { code?: string; message?: string } } | null
  const code = d?.code ?? d?.error?.code ?? 'http'
  const message = MESSAGES[code] ?? d?.message ?? d?.error?.message ?? `The server answered ${res.status}.`
  throw new AuthError(res.status, code, message)
}

/** Only a path on this site (no "//host", no scheme), so ?next= cannot send anyone elsewhere. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (/[\u0000-\u001f]/.test(next)) return '/'
  return next
}
