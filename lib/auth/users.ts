// Users: made by the setup page (the owner), by an admin, or by `npm run stepwise -- user add`.
// Passwords are hashed by better-auth's configured hasher (argon2id) and stored in its account table.
import { AppError, notFound } from '../api/errors'
import {
  countUsersWithRole,
  deleteSessionRow,
  deleteSessionsOf,
  findUser,
  listSessionRows,
  listUserRows,
  updateUserRow,
  type UserRow,
} from '../db/users'
import { recordAudit } from '../db/audit'
import { isRole, type Actor, type Role } from '../domain/roles'
import { auth } from './auth'
import { MIN_PASSWORD_LENGTH } from './password'

export interface UserDto {
  id: string
  name: string
  email: string
  role: Role
  disabled: boolean
  twoFactorEnabled: boolean
  createdAt: string
}

export interface SessionDto {
  id: string
  createdAt: string
  lastActiveAt: string
  expiresAt: string
  ipAddress: string | null
  userAgent: string | null
  current: boolean
}

const toDto = (u: UserRow): UserDto => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: isRole(u.role) ? u.role : 'viewer',
  disabled: u.disabled,
  twoFactorEnabled: u.twoFactorEnabled,
  createdAt: u.createdAt.toISOString(),
})

export async function listUsers(): Promise<UserDto[]> {
  return (await listUserRows()).map(toDto)
}

export interface NewUser {
  email: string
  password: string
  name?: string
  role: Role
}

/** Creates a user with a password; `by` is who did it (null for the setup page and the command line). */
export async function createUser(input: NewUser, by: string | null): Promise<UserDto> {
  const email = input.email.trim().toLowerCase()
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `password: at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: 'password',
    })
  }
  if (await findUser({ email }))
    throw new AppError('conflict', `A user with the e-mail ${email} exists already.`, { field: 'email' })
  const ctx = await auth().$context
  const hash = await ctx.password.hash(input.password)
  const user = await ctx.internalAdapter.createUser(
    {
      email,
      name: input.name?.trim() || email.split('@')[0],
      emailVerified: true,
      role: input.role,
      disabled: false,
    },
    { method: 'admin' },
  )
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: hash,
  })
  await recordAudit('user.added', { actor: by, details: { userId: user.id, email, role: input.role } })
  return toDto((await findUser({ id: user.id }))!)
}

async function requireUser(id: string): Promise<UserRow> {
  const u = await findUser({ id })
  if (!u) throw notFound('user', id)
  return u
}

/**
 * Changes a user's role or disables them. Only an owner changes an owner; nobody changes their own
 * role or disables themselves; the last active owner stays. Disabling ends the user's sessions.
 */
export async function updateUser(
  id: string,
  change: { role?: Role; disabled?: boolean; name?: string },
  actor: Actor,
): Promise<UserDto> {
  const u = await requireUser(id)
  const self = actor.kind === 'user' && actor.id === id
  if (self && (change.role !== undefined || change.disabled === true)) {
    throw new AppError('forbidden', 'You cannot change your own role or disable yourself; ask another admin.')
  }
  if ((u.role === 'owner' || change.role === 'owner') && actor.role !== 'owner') {
    throw new AppError('forbidden', 'Only the owner can change an owner or make someone owner.')
  }
  const losesOwner =
    u.role === 'owner' && ((change.role !== undefined && change.role !== 'owner') || change.disabled === true)
  if (losesOwner && (await countUsersWithRole('owner', id)) === 0) {
    throw new AppError('conflict', 'This is the last owner: make someone else owner first.')
  }
  await updateUserRow(id, change)
  if (change.disabled === true) await deleteSessionsOf(id)
  const action =
    change.disabled === true ? 'user.disabled' : change.disabled === false ? 'user.enabled' : 'user.updated'
  await recordAudit(action, { actor: actor.label, details: { userId: id, email: u.email, ...change } })
  return toDto(await requireUser(id))
}

export async function listSessions(userId: string, actor: Actor): Promise<SessionDto[]> {
  await requireUser(userId)
  return (await listSessionRows(userId)).map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastActiveAt: s.updatedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ipAddress: s.ipAddress,
    userAgent: s.userAgent,
    current: actor.sessionId === s.id,
  }))
}

/** Ends one session of a user, or all of them (sessionId null). */
export async function revokeSessions(userId: string, sessionId: string | null, actor: Actor): Promise<number> {
  const u = await requireUser(userId)
  const n = sessionId ? ((await deleteSessionRow(userId, sessionId)) ? 1 : 0) : await deleteSessionsOf(userId)
  if (sessionId && n === 0) throw notFound('session', sessionId)
  await recordAudit('user.sessions_revoked', {
    actor: actor.label,
    details: { userId, email: u.email, sessionId, count: n },
  })
  return n
}
