import { route } from '@/lib/api/respond'
import { scrapeMetrics } from '@/lib/metrics/scrape'

export const dynamic = 'force-dynamic'

// Prometheus scrapes with a viewer API token: Authorization: Bearer <token> (README "Monitoring").
export const GET = route('viewer', async () => {
  const { body, contentType } = await scrapeMetrics()
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } })
})
