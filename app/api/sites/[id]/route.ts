import { json, parseBody, route } from '@/lib/api/respond'
import { updateSite } from '@/lib/sites/connect-site'
import { deleteSite } from '@/lib/sites/delete-site'
import { requireSite } from '@/lib/sites/list-sites'
import { updateSiteInput } from '@/lib/sites/site-input'

export const dynamic = 'force-dynamic'

type P = { id: string }

export const GET = route<P>('viewer', async (_req, { id }) => json({ site: await requireSite(id) }))

export const PATCH = route<P>('admin', async (req, { id }) => {
  const input = await parseBody(req, updateSiteInput)
  return json({ site: await updateSite(id, input) })
})

export const DELETE = route<P>('admin', async (_req, { id }) => {
  await deleteSite(id)
  return json({ deleted: true })
})
