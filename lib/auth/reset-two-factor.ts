// An admin's way back in for someone who lost both their authenticator and their backup codes: the
// second factor is removed (they sign in with their password and can enable it again), their
// sessions end, and the audit trail says who did it.
import { notFound } from '../api/errors'
import { recordAudit } from '../db/audit'
import { clearTwoFactor, deleteSessionsOf, findUser } from '../db/users'

export async function resetTwoFactor(userId: string, by: string | null): Promise<void> {
  const u = await findUser({ id: userId })
  if (!u) throw notFound('user', userId)
  await clearTwoFactor(userId)
  const ended = await deleteSessionsOf(userId)
  await recordAudit('user.two_factor_reset', { actor: by, details: { userId, email: u.email, sessionsEnded: ended } })
}
