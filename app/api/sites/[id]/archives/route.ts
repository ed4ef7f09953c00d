import { json, route } from '@/lib/api/respond'
import { listSiteArchives } from '@/lib/archives/list-archives'

export const dynamic = 'force-dynamic'

export const GET = route<{ id: string }>('viewer', async (_req, { id }) =>
  json({ archives: await listSiteArchives(id) }),
)
