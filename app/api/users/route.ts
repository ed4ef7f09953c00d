import { json, parseBody, route } from '@/lib/api/respond'
import { createUserInput } from '@/lib/auth/auth-input'
import { createUser, listUsers } from '@/lib/auth/users'

export const dynamic = 'force-dynamic'

export const GET = route('admin', async () => json({ users: await listUsers() }))

export const POST = route('admin', async (req, _params, actor) =>
  json({ user: await createUser(await parseBody(req, createUserInput), actor.label) }, 201),
)
