import type { Role } from '@/lib/domain/roles'

/** What each role may do, in one line (the same words on the users and tokens pages). */
export const ROLE_HINTS: Record<Role, string> = {
  owner: 'Everything, including users, API tokens and other owners.',
  admin: 'Everything: sites, schedules, archive deletes, users, API tokens and the audit trail.',
  operator: 'Back up now, cancel, download and refresh archives. Cannot add, edit or delete.',
  viewer: 'Reads everything, changes nothing.',
}
