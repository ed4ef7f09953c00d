import { json } from '@/lib/api/respond'
import { healthReport } from '@/lib/health/health-report'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const report = await healthReport()
  return json(report, report.status === 'ok' ? 200 : 503)
}
