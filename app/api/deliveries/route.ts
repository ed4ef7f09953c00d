import { json, parseQuery, route } from '@/lib/api/respond'
import { deliveriesQuery } from '@/lib/notify/channel-input'
import { listDeliveries } from '@/lib/notify/deliveries'

export const dynamic = 'force-dynamic'

export const GET = route('admin', async (req) =>
  json({ deliveries: await listDeliveries(parseQuery(req, deliveriesQuery)) }),
)
