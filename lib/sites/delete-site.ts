// Removing a site from the dashboard: its row (runs, archives and schedules on it go with it); the
// backups on the site itself are not touched.
import { notFound } from '../api/errors'
import { deleteSiteRow } from '../db/sites'
import { recordAudit } from '../db/audit'
import { requireSite } from './list-sites'

export async function deleteSite(id: string, actor: string | null = null): Promise<void> {
  const site = await requireSite(id)
  if (!(await deleteSiteRow(id))) throw notFound('site', id)
  await recordAudit('site.deleted', { actor, details: { id, name: site.name, url: site.baseUrl } })
}
