// Finds a user by e-mail for the command line, which names users by e-mail rather than by id.
import { AppError } from '../api/errors'
import { findUser } from '../db/users'

/** The id of the user with this e-mail (any case); not_found naming the e-mail otherwise. */
export async function userIdByEmail(email: string): Promise<string> {
  const normalized = email.trim().toLowerCase()
  const u = await findUser({ email: normalized })
  if (!u) throw new AppError('not_found', `no user has the e-mail ${normalized}`, { field: 'email' })
  return u.id
}
