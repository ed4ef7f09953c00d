import { json, parseBody, route } from '@/lib/api/respond'
import { updateUserInput } from '@/lib/auth/auth-input'
import { updateUser } from '@/lib/auth/users'

export const dynamic = 'force-dynamic'

/** Change a user's role or name, or disable/enable them (disabling ends their sessions). */
export const PATCH = route<{ id: string }>('admin', async (req, { id }, actor) =>
  json({ user: await updateUser(id, await parseBody(req, updateUserInput), actor) }),
)
