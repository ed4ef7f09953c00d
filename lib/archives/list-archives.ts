// Archive lists for the site page and the fleet-wide page.
import { listArchives, type ArchiveDto } from '../db/archives'
import { archiveState, type ArchiveState } from './archive-state'

export async function listArchivesFiltered(f: { siteId?: string; state?: ArchiveState; limit?: number } = {}): Promise<ArchiveDto[]> {
  const rows = await listArchives({ siteId: f.siteId, limit: f.state ? 1000 : f.limit ?? (f.siteId ? 200 : 500) })
  return f.state ? rows.filter((a) => archiveState(a) === f.state).slice(0, f.limit ?? 500) : rows
}
