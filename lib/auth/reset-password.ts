// Sets a user's password without the old one: the command line's way back in for someone who lost
// theirs (or the demo owner's printed password). Their sessions end, as on better-auth's own reset
// (revokeSessionsOnPasswordReset in lib/auth/auth.ts).
import { AppError, notFound } from '../api/errors'
import { recordAudit } from '../db/audit'
import { deleteSessionsOf, findUser } from '../db/users'
import { auth } from './auth'
import { MIN_PASSWORD_LENGTH } from './password'

export async function resetPassword(userId: string, password: string, by: string | null): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `password: at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: 'password',
    })
  }
  const u = await findUser({ id: userId })
  if (!u) throw notFound('user', userId)
  const ctx = await auth().$context
  const hash = await ctx.password.hash(password)
  const accounts = await ctx.internalAdapter.findAccounts(userId)
  if (accounts.some((a) => a.providerId === 'credential')) await ctx.internalAdapter.updatePassword(userId, hash)
  else await ctx.internalAdapter.linkAccount({ userId, providerId: 'credential', accountId: userId, password: hash })
  const ended = await deleteSessionsOf(userId)
  await recordAudit('user.password_reset', { actor: by, details: { userId, email: u.email, sessionsEnded: ended } })
}
