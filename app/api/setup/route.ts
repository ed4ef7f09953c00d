import { json, parseBody, route } from '@/lib/api/respond'
import { setupInput } from '@/lib/auth/auth-input'
import { createOwner, setupState } from '@/lib/auth/setup'

export const dynamic = 'force-dynamic'

/** Whether setup is open (no user yet) and whether it asks for the code from the server log. */
export const GET = route('public', async () => json(await setupState()))

/** Creates the owner account; 409 once any user exists. The page then signs in through /api/auth. */
export const POST = route('public', async (req) =>
  json({ user: await createOwner(await parseBody(req, setupInput)) }, 201),
)
