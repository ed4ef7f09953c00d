// Filtering the fleet's archives: pure, so it is easy to test. The filter lives in the page's URL
// (`?siteId=&state=&q=&sort=`): shareable, and back, forward and reload keep it.
import type { ArchiveDto } from '@/lib/domain/archives'
import { archiveState, isDownloadable } from '@/lib/archives/archive-state'

export interface ArchiveFilter {
  siteId: string
  state: string
  q: string
  sort: string
}

export const emptyArchiveFilter: ArchiveFilter = { siteId: '', state: '', q: '', sort: '' }

/** Columns of the archives table that sort (the URL's `sort=key:dir`). */
export const ARCHIVE_SORT_KEYS = ['state', 'description', 'site', 'start', 'duration', 'size', 'origin'] as const

export function readArchiveFilter(params: URLSearchParams): ArchiveFilter {
  return {
    siteId: params.get('siteId') ?? '',
    state: params.get('state') ?? '',
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? '',
  }
}

export function archiveFilterQuery(f: Partial<ArchiveFilter>): string {
  const qs = new URLSearchParams()
  for (const k of ['siteId', 'state', 'q', 'sort'] as const) if (f[k]) qs.set(k, f[k])
  return qs.toString()
}

/**
 * The search box looks at the site's name and tags, the archive's name and its description.
 * `tagsOf` gives a site's tags (the archive rows do not carry them).
 */
export function filterArchives(
  archives: readonly ArchiveDto[],
  f: Pick<ArchiveFilter, 'siteId' | 'state' | 'q'>,
  tagsOf: (siteId: string) => readonly string[] = () => [],
): ArchiveDto[] {
  const q = f.q.trim().toLowerCase()
  return archives.filter((a) => {
    if (f.siteId && a.siteId !== f.siteId) return false
    if (f.state && archiveState(a) !== f.state) return false
    if (
      q &&
      !(
        a.siteName.toLowerCase().includes(q) ||
        a.archiveName.toLowerCase().includes(q) ||
        a.description.toLowerCase().includes(q) ||
        tagsOf(a.siteId).some((t) => t.toLowerCase().includes(q))
      )
    )
      return false
    return true
  })
}

/** Archives whose files can be deleted in bulk: on the site, files present, not running. */
export function canDeleteFiles(a: ArchiveDto): boolean {
  return isDownloadable(a)
}
