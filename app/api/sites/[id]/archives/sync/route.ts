import { json, route } from '@/lib/api/respond'
import { refreshSiteArchives } from '@/lib/archives/sync-archives'

export const dynamic = 'force-dynamic'

/** "Refresh": re-reads the site's backup records. */
export const POST = route<{ id: string }>('operator', async (_req, { id }) =>
  json({ archives: await refreshSiteArchives(id) }),
)
