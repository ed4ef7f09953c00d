// Users and their sessions, as the admin pages and the access checks read them. Passwords and
// sessions are written by better-auth (lib/auth/auth.ts); this module never sees a password.
import { db } from './client'

export interface UserRow {
  id: string
  name: string
  email: string
  role: string
  disabled: boolean
  twoFactorEnabled: boolean
  createdAt: Date
}

const userSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabled: true,
  twoFactorEnabled: true,
  createdAt: true,
} as const

const toUser = (u: { twoFactorEnabled: boolean | null } & Omit<UserRow, 'twoFactorEnabled'>): UserRow => ({
  ...u,
  twoFactorEnabled: u.twoFactorEnabled ?? false,
})

export async function countUsers(): Promise<number> {
  return db().user.count()
}

export async function listUserRows(): Promise<UserRow[]> {
  return (await db().user.findMany({ select: userSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map(toUser)
}

export async function findUser(by: { id: string } | { email: string }): Promise<UserRow | null> {
  const u = await db().user.findUnique({ where: by, select: userSelect })
  return u ? toUser(u) : null
}

export async function updateUserRow(
  id: string,
  data: { role?: string; disabled?: boolean; name?: string },
): Promise<boolean> {
  return (await db().user.updateMany({ where: { id }, data })).count === 1
}

export async function countUsersWithRole(role: string, exceptId?: string): Promise<number> {
  return db().user.count({ where: { role, disabled: false, ...(exceptId ? { id: { not: exceptId } } : {}) } })
}

export interface SessionRow {
  id: string
  userId: string
  createdAt: Date
  updatedAt: Date
  expiresAt: Date
  ipAddress: string | null
  userAgent: string | null
}

const sessionSelect = {
  id: true,
  userId: true,
  createdAt: true,
  updatedAt: true,
  expiresAt: true,
  ipAddress: true,
  userAgent: true,
} as const

export async function listSessionRows(userId: string, now = new Date()): Promise<SessionRow[]> {
  return db().session.findMany({
    where: { userId, expiresAt: { gt: now } },
    select: sessionSelect,
    orderBy: { updatedAt: 'desc' },
  })
}

/** Deletes one session of a user (false when it is not theirs or already gone). */
export async function deleteSessionRow(userId: string, sessionId: string): Promise<boolean> {
  return (await db().session.deleteMany({ where: { id: sessionId, userId } })).count === 1
}

export async function deleteSessionsOf(userId: string): Promise<number> {
  return (await db().session.deleteMany({ where: { userId } })).count
}

/** Removes a user's second factor (secret and backup codes) and turns it off. */
export async function clearTwoFactor(userId: string): Promise<void> {
  await db().$transaction([
    db().twoFactor.deleteMany({ where: { userId } }),
    db().user.updateMany({ where: { id: userId }, data: { twoFactorEnabled: false } }),
  ])
}
