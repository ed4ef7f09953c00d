import { json, route } from '@/lib/api/respond'
import { revokeSessions } from '@/lib/auth/users'

export const dynamic = 'force-dynamic'

export const DELETE = route<{ id: string; sessionId: string }>('admin', async (_req, { id, sessionId }, actor) =>
  json({ revoked: await revokeSessions(id, sessionId, actor) }),
)
