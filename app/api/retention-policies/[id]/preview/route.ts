import { json, route } from '@/lib/api/respond'
import { previewPolicy } from '@/lib/retention/preview'

export const dynamic = 'force-dynamic'

/** What retention would keep and remove now on the policy's sites (from each site's last read list). */
export const GET = route<{ id: string }>('viewer', async (_req, { id }) => json(await previewPolicy(id)))
