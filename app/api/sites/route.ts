import { json, parseBody, route } from '@/lib/api/respond'
import { listSites } from '@/lib/sites/list-sites'
import { addSite } from '@/lib/sites/connect-site'
import { createSiteInput } from '@/lib/sites/site-input'

export const dynamic = 'force-dynamic'

export const GET = route('viewer', async () => json({ sites: await listSites() }))

export const POST = route('admin', async (req) => {
  const input = await parseBody(req, createSiteInput)
  return json({ site: await addSite(input) }, 201)
})
