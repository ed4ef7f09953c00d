import { json, parseQuery, route } from '@/lib/api/respond'
import { auditQuery } from '@/lib/auth/auth-input'
import { listAuditEvents } from '@/lib/audit/list-audit'

export const dynamic = 'force-dynamic'

export const GET = route('admin', async (req) => {
  const q = parseQuery(req, auditQuery)
  const events = await listAuditEvents({
    ...q,
    since: q.since ? new Date(q.since) : undefined,
    until: q.until ? new Date(q.until) : undefined,
  })
  return json({ events })
})
