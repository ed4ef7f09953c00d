// Who may do what. Every route names the least role it needs (lib/api/respond.ts route()).
// owner and admin: everything, including users, tokens and settings; operator: back up now, cancel,
// download, sync archives; viewer: read only.

export const ROLES = ['owner', 'admin', 'operator', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** Roles an admin can give (there is one owner, made at setup). */
export const ASSIGNABLE_ROLES = ['admin', 'operator', 'viewer'] as const satisfies readonly Role[]

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3, owner: 4 }

/** The least role a route or action needs; 'public' needs nobody signed in. */
export type Access = 'public' | 'viewer' | 'operator' | 'admin'

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s)
}

export function roleAllows(role: Role, need: Exclude<Access, 'public'>): boolean {
  return RANK[role] >= RANK[need]
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  operator: 'Operator',
  viewer: 'Viewer',
}

/** Who made a request: a signed-in user or an API token. `label` is what the audit trail shows. */
export interface Actor {
  kind: 'user' | 'token'
  id: string
  label: string
  name: string
  role: Role
  ip: string | null
  /** The session row, for "this session" in the session list. */
  sessionId?: string
}
