import { json, route } from '@/lib/api/respond'
import { listArchivesFiltered } from '@/lib/archives/list-archives'
import { requireSite } from '@/lib/sites/connect-site'

export const dynamic = 'force-dynamic'

export const GET = route<{ id: string }>(async (_req, { id }) => {
  await requireSite(id)
  return json({ archives: await listArchivesFiltered({ siteId: id }) })
})
