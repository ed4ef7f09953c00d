// Archive lists for the site page and the fleet-wide page, and one archive by id.
import { notFound } from '../api/errors'
import { getArchive, listArchives } from '../db/archives'
import type { ArchiveDto } from '../domain/archives'
import type { ArchiveState } from '../domain/site-state'
import { requireSite } from '../sites/list-sites'
import { archiveState } from './archive-state'

export async function listArchivesFiltered(
  f: { siteId?: string; state?: ArchiveState; limit?: number } = {},
): Promise<ArchiveDto[]> {
  const rows = await listArchives({ siteId: f.siteId, limit: f.state ? 1000 : (f.limit ?? (f.siteId ? 200 : 500)) })
  return f.state ? rows.filter((a) => archiveState(a) === f.state).slice(0, f.limit ?? 500) : rows
}

/** One site's archives; a site that does not exist is a 404, not an empty list. */
export async function listSiteArchives(siteId: string): Promise<ArchiveDto[]> {
  await requireSite(siteId)
  return listArchivesFiltered({ siteId })
}

export async function requireArchive(id: string): Promise<ArchiveDto> {
  const archive = await getArchive(id)
  if (!archive) throw notFound('archive', id)
  return archive
}
