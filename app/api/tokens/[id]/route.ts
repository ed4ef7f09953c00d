import { json, route } from '@/lib/api/respond'
import { revokeApiToken } from '@/lib/auth/api-tokens'

export const dynamic = 'force-dynamic'

export const DELETE = route<{ id: string }>('admin', async (_req, { id }, actor) =>
  json({ token: await revokeApiToken(id, actor.label) }),
)
