import { json, parseBody, route } from '@/lib/api/respond'
import { createTokenInput } from '@/lib/auth/auth-input'
import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens'

export const dynamic = 'force-dynamic'

export const GET = route('admin', async () => json({ tokens: await listApiTokens() }))

/** The new token is in this answer only (`token`); Stepwise keeps only its hash. */
export const POST = route('admin', async (req, _params, actor) => {
  const input = await parseBody(req, createTokenInput)
  const made = await createApiToken(
    { name: input.name, role: input.role, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null },
    actor.label,
  )
  return json(made, 201)
})
