import { json, parseBody, route } from '@/lib/api/respond'
import { notFound } from '@/lib/api/errors'
import { deleteSiteRow } from '@/lib/db/sites'
import { recordAudit } from '@/lib/db/audit'
import { requireSite, updateSite } from '@/lib/sites/connect-site'
import { updateSiteInput } from '@/lib/sites/site-input'

export const dynamic = 'force-dynamic'

type P = { id: string }

export const GET = route<P>(async (_req, { id }) => json({ site: await requireSite(id) }))

export const PATCH = route<P>(async (req, { id }) => {
  const input = await parseBody(req, updateSiteInput)
  return json({ site: await updateSite(id, input) })
})

export const DELETE = route<P>(async (_req, { id }) => {
  const site = await requireSite(id)
  if (!(await deleteSiteRow(id))) throw notFound('site', id)
  await recordAudit('site.deleted', { details: { id, name: site.name, url: site.baseUrl } })
  return json({ deleted: true })
})
