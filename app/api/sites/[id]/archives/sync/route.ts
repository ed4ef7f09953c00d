import { json, route } from '@/lib/api/respond'
import { syncSiteArchives } from '@/lib/archives/sync-archives'
import { requireSite } from '@/lib/sites/list-sites'

export const dynamic = 'force-dynamic'

/** "Refresh": re-reads the site's backup records. */
export const POST = route<{ id: string }>(async (_req, { id }) => {
  await requireSite(id)
  return json({ archives: await syncSiteArchives(id) })
})
