// better-auth, configured once: e-mail + password (argon2id), database sessions in an HttpOnly
// SameSite=Lax cookie, TOTP two-factor with backup codes, sign-in rate limiting. Sign-up is closed:
// users are made by the setup page, an admin, or the `stepwise` command (lib/auth/users.ts).
import { APIError, betterAuth } from 'better-auth'
import { createAuthMiddleware } from 'better-auth/api'
import { nextCookies } from 'better-auth/next-js'
import { twoFactor } from 'better-auth/plugins/two-factor'
import { config } from '../config'
import { authDatabase } from '../db/auth-adapter'
import { recordAudit } from '../db/audit'
import { findUser } from '../db/users'
import { derivedSecret } from '../secrets/site-key-cipher'
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password'
import { publicBaseUrl } from './public-url'

function createAuth() {
  const c = config()
  const base = publicBaseUrl()
  const limit = { window: 60, max: c.STEPWISE_SIGNIN_ATTEMPTS_PER_MINUTE }
  return betterAuth({
    appName: 'Stepwise',
    baseURL: base,
    basePath: '/api/auth',
    secret: derivedSecret('auth-cookies'),
    database: authDatabase(),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    session: { expiresIn: 7 * 24 * 3600, updateAge: 24 * 3600 },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'viewer' },
        disabled: { type: 'boolean', input: false, defaultValue: false },
      },
    },
    advanced: {
      cookiePrefix: 'stepwise',
      useSecureCookies: base.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: ['x-forwarded-for', 'x-real-ip'] },
    },
    // The proxy (proxy.ts) already refuses foreign Hosts and Origins; better-auth checks again that a
    // cookie-carrying POST comes from the page's own origin.
    trustedOrigins: async (request?: Request) => {
      const host = request?.headers.get('host')
      const proto = request?.headers.get('x-forwarded-proto') ?? new URL(base).protocol.replace(':', '')
      return [base, ...(host ? [`${proto}://${host}`] : [])]
    },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': limit,
        '/two-factor/verify-totp': limit,
        '/two-factor/verify-backup-code': limit,
        '/change-password': limit,
      },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const user = await findUser({ id: session.userId })
            if (!user || user.disabled)
              throw new APIError('FORBIDDEN', {
                message: 'This account is disabled. Ask an admin of this Stepwise to enable it.',
              })
          },
        },
      },
    },
    // The audit trail: sign-ins (after the second factor when there is one), failures, sign-outs.
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        const ip = ctx.request?.headers.get('x-forwarded-for')?.split(',')[0].trim() ?? null
        const failed = ctx.context.returned instanceof APIError
        const email = typeof ctx.body?.email === 'string' ? ctx.body.email.toLowerCase().slice(0, 254) : null
        const user = ctx.context.newSession?.user ?? ctx.context.session?.user ?? null
        if (ctx.path === '/sign-in/email' || ctx.path.startsWith('/two-factor/verify')) {
          if (failed)
            await recordAudit('user.sign_in_failed', {
              actor: email ?? user?.email ?? null,
              ip,
              details: { path: ctx.path },
            })
          else if (ctx.context.newSession) await recordAudit('user.signed_in', { actor: user?.email ?? email, ip })
        } else if (ctx.path === '/sign-out' && user) {
          await recordAudit('user.signed_out', { actor: user.email, ip })
        } else if (ctx.path === '/change-password' && user) {
          await recordAudit(failed ? 'user.password_change_failed' : 'user.password_changed', {
            actor: user.email,
            ip,
          })
        } else if ((ctx.path === '/two-factor/enable' || ctx.path === '/two-factor/disable') && user && !failed) {
          await recordAudit(
            ctx.path === '/two-factor/enable' ? 'user.two_factor_enabling' : 'user.two_factor_disabled',
            { actor: user.email, ip },
          )
        }
      }),
    },
    plugins: [twoFactor({ issuer: 'Stepwise' }), nextCookies()],
  })
}

export type Auth = ReturnType<typeof createAuth>

const g = globalThis as unknown as { __stepwiseAuth?: { url: string; auth: Auth } }

/** The process-wide instance (re-made when the database changes, as in tests). */
export function auth(): Auth {
  const url = config().DATABASE_URL
  if (!g.__stepwiseAuth || g.__stepwiseAuth.url !== url) g.__stepwiseAuth = { url, auth: createAuth() }
  return g.__stepwiseAuth.auth
}
