import { json, route } from '@/lib/api/respond'
import { recheckSite } from '@/lib/sites/connect-site'

export const dynamic = 'force-dynamic'

export const POST = route<{ id: string }>('operator', async (_req, { id }) => json({ site: await recheckSite(id) }))
