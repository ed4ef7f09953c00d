import { json, route } from '@/lib/api/respond'
import { healthReport, publicHealth } from '@/lib/health/health-report'

export const dynamic = 'force-dynamic'

// Anonymous callers (load balancers, uptime checks) get the status and the database's state only;
// runner internals need a signed-in user or a token.
export const GET = route('public', async (_req, _params, actor) => {
  const report = await healthReport()
  return json(actor ? report : publicHealth(report), report.status === 'ok' ? 200 : 503)
})
