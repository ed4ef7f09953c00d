// better-auth's own endpoints behind app/api/auth/[...all] that Stepwise uses (its sign-in page and
// account page). Their shapes are better-auth's; documented here so a script can sign in.
import type { RouteDoc } from './define-route'
import { z } from './zod'

const ok = z.object({ status: z.boolean() })
const userOut = z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string() }).loose() }).loose()
const SESSION = 'Sets or clears the session cookie (`stepwise.session_token`).'

export const authRoutes: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/auth/sign-in/email',
    access: 'auth',
    tag: 'Sign-in',
    summary: 'Sign in with e-mail and password',
    description: `${SESSION} With two-factor on, the answer has \`twoFactorRedirect: true\` and the second step is verify-totp or verify-backup-code.`,
    body: z.object({ email: z.string(), password: z.string(), rememberMe: z.boolean().optional() }),
    ok: {
      200: {
        description: 'Signed in (or the second step is needed)',
        schema: userOut.or(z.object({ twoFactorRedirect: z.literal(true) })),
      },
    },
    errors: { 401: 'Wrong e-mail or password.' },
  },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    access: 'auth',
    tag: 'Sign-in',
    summary: 'Sign out',
    description: SESSION,
    ok: { 200: { description: 'Signed out', schema: z.object({ success: z.boolean() }) } },
  },
  {
    method: 'get',
    path: '/api/auth/get-session',
    access: 'auth',
    tag: 'Sign-in',
    summary: 'The current session',
    ok: {
      200: {
        description: 'The session and user, or null',
        schema: z
          .object({ session: z.record(z.string(), z.unknown()), user: z.record(z.string(), z.unknown()) })
          .nullable(),
      },
    },
  },
  {
    method: 'post',
    path: '/api/auth/change-password',
    access: 'auth',
    tag: 'Sign-in',
    summary: 'Change your password',
    body: z.object({
      currentPassword: z.string(),
      newPassword: z.string(),
      revokeOtherSessions: z.boolean().optional(),
    }),
    ok: { 200: { description: 'Changed', schema: userOut } },
  },
  {
    method: 'post',
    path: '/api/auth/two-factor/enable',
    access: 'auth',
    tag: 'Sign-in',
    summary: 'Start two-factor set-up',
    body: z.object({ password: z.string() }),
    ok: {
      200: {
        description: 'The TOTP URI and backup codes',
        schema: z.object({ totpURI: z.string(), backupCodes: z.array(z.string()) }),
      },
    },
  },
  {
    method: 'post',
    path: '/api/auth/two-factor/verify-totp',
    access: 'auth',
    tag: 'Sign-in',
    summary: 'Second step: a code from the app',
    body: z.object({ code: z.string(), trustDevice: z.boolean().optional() }),
    ok: { 200: { description: 'Signed in', schema: userOut } },
  },
  {
    method: 'post',
    path: '/api/auth/two-factor/verify-backup-code',
    access: 'auth',
    tag: 'Sign-in',
    summary: 'Second step: a backup code',
    body: z.object({ code: z.string() }),
    ok: { 200: { description: 'Signed in', schema: userOut } },
  },
  {
    method: 'post',
    path: '/api/auth/two-factor/disable',
    access: 'auth',
    tag: 'Sign-in',
    summary: 'Turn off your two-factor sign-in',
    body: z.object({ password: z.string() }),
    ok: { 200: { description: 'Off', schema: ok } },
  },
]
