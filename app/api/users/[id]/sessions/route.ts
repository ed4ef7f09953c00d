import { json, route } from '@/lib/api/respond'
import { listSessions, revokeSessions } from '@/lib/auth/users'

export const dynamic = 'force-dynamic'

export const GET = route<{ id: string }>('admin', async (_req, { id }, actor) =>
  json({ sessions: await listSessions(id, actor) }),
)

/** Signs the user out everywhere. */
export const DELETE = route<{ id: string }>('admin', async (_req, { id }, actor) =>
  json({ revoked: await revokeSessions(id, null, actor) }),
)
