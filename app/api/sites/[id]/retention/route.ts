import { json, route } from '@/lib/api/respond'
import { siteRetention } from '@/lib/retention/preview'

export const dynamic = 'force-dynamic'

/** The retention policies covering the site and what they keep and remove now. */
export const GET = route<{ id: string }>('viewer', async (_req, { id }) => json(await siteRetention(id)))
