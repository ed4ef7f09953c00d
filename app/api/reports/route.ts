import { json, parseQuery, route } from '@/lib/api/respond'
import { clientReport } from '@/lib/reports/client-report'
import { reportQuery } from '@/lib/reports/report-input'

export const dynamic = 'force-dynamic'

/** The client report of one tag over a period: each site's backups, success rate, sizes and freshness. */
export const GET = route('viewer', async (req) => {
  const q = parseQuery(req, reportQuery)
  return json({ report: await clientReport(q.tag, q.from, q.to) })
})
