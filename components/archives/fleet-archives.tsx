'use client'

import { useMemo, useState } from 'react'
import { Archive, RefreshCw, X } from 'lucide-react'
import type { ArchiveDto } from '@/lib/domain/archives'
import type { SiteDto } from '@/lib/domain/sites'
import type { BulkDeleteFilesResult } from '@/lib/archives/bulk-input'
import { archiveState } from '@/lib/archives/archive-state'
import type { ArchiveState } from '@/lib/domain/site-state'
import { archiveStateMeta } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Select } from '@/components/ui/field'
import { SearchInput } from '@/components/ui/search-input'
import { formatBytes } from '@/lib/format/format'
import { PageHeader } from '@/components/ui/page-header'
import { StaleBanner } from '@/components/ui/stale-banner'
import { parseSort, sortParam } from '@/components/ui/sort-param'
import { useCan } from '@/components/auth/me-provider'
import { useSites } from '@/components/sites/use-sites'
import { ArchivesTable, type ArchiveSelection } from './archives-table'
import { useArchives } from './use-archives'
import {
  ARCHIVE_SORT_KEYS,
  archiveFilterQuery,
  canDeleteFiles,
  emptyArchiveFilter,
  filterArchives,
  readArchiveFilter,
  type ArchiveFilter,
} from './archive-filter'
import { BulkDeleteBar, BulkDeleteOutcome } from './bulk-delete-files'
import { useUrlSearch } from './use-url-search'

const STATES = Object.keys(archiveStateMeta) as ArchiveState[]

/**
 * Every site's archives as last read from the sites. The site, status, search and sort live in the
 * URL (shareable; back, forward and reload keep them). Admins choose rows to delete their files.
 */
export function FleetArchives({
  initialArchives,
  initialSites,
  initialFilter,
}: {
  initialArchives: ArchiveDto[]
  initialSites: SiteDto[]
  initialFilter?: Partial<ArchiveFilter>
}) {
  const query = useArchives({}, initialArchives)
  const archives = useMemo(() => query.data ?? [], [query.data])
  const { data: allSites } = useSites(initialSites)
  const [params, writeSearch] = useUrlSearch(archiveFilterQuery({ ...emptyArchiveFilter, ...initialFilter }))
  const filter = readArchiveFilter(params)
  const sort = parseSort(filter.sort, ARCHIVE_SORT_KEYS)
  const isAdmin = useCan('admin')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [outcome, setOutcome] = useState<BulkDeleteFilesResult | null>(null)

  // Every site, synced or not (an unsynced site simply has no archives yet).
  const sites = useMemo(() => {
    const m = new Map<string, string>(allSites.map((s) => [s.id, s.name]))
    archives.forEach((a) => m.has(a.siteId) || m.set(a.siteId, a.siteName))
    return [...m].sort((a, b) => a[1].localeCompare(b[1]))
  }, [allSites, archives])
  const tags = useMemo(() => new Map(allSites.map((s) => [s.id, s.tags])), [allSites])
  const rows = useMemo(
    () => filterArchives(archives, filter, (id) => tags.get(id) ?? []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [archives, tags, filter.siteId, filter.state, filter.q],
  )
  const available = rows.filter((a) => archiveState(a) === 'ok')
  const total = available.reduce((n, a) => n + a.totalSize, 0)
  // Only rows still shown and still deletable count as chosen (a filter change hides the others).
  const chosen = rows.filter((a) => selected.has(a.id) && canDeleteFiles(a))

  /** Choices (site, status, sort) are history entries; typing in the search box replaces one. */
  const write = (patch: Partial<ArchiveFilter>, push: boolean) => {
    // Builds on the address bar as it is now, not on this render's snapshot (two quick changes in a row).
    const current = readArchiveFilter(new URLSearchParams(window.location.search))
    writeSearch(archiveFilterQuery({ ...current, ...patch }), push)
  }
  const filtered = filter.siteId || filter.state || filter.q
  const selection: ArchiveSelection | undefined = isAdmin
    ? { selected, selectable: canDeleteFiles, onChange: setSelected }
    : undefined

  return (
    <>
      <PageHeader
        title="Archives"
        description="Backups listed by your sites, as last read. Refresh a site's list on its page."
        actions={
          <Button icon={RefreshCw} busy={query.isFetching} onClick={() => query.refetch()}>
            Reload
          </Button>
        }
      />
      <StaleBanner query={query} what="archives" className="mb-4" />
      {archives.length === 0 && !filtered ? (
        <EmptyState
          icon={Archive}
          title="No archives yet"
          description="Archives appear here after a backup finishes, or when you press Refresh in a site's archive history."
          action={{ label: 'Go to sites', href: '/sites' }}
        />
      ) : (
        <Card>
          <div className="flex flex-col gap-2 border-b border-slate-200 p-3 sm:flex-row sm:flex-wrap sm:items-center">
            <SearchInput
              label="Search archives"
              placeholder="Search site, tag or archive"
              value={filter.q}
              onValue={(q) => write({ q }, false)}
            />
            <div className="grid grid-cols-2 gap-2 sm:flex">
              <label className="contents">
                <span className="sr-only">Site</span>
                <Select
                  value={filter.siteId}
                  onChange={(e) => write({ siteId: e.target.value }, true)}
                  className="min-w-0 sm:w-56"
                >
                  <option value="">All sites</option>
                  {sites.map(([id, name]) => (
                    <option key={id} value={id}>
                      {name}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="contents">
                <span className="sr-only">Status</span>
                <Select
                  value={filter.state}
                  onChange={(e) => write({ state: e.target.value }, true)}
                  className="min-w-0 sm:w-44"
                >
                  <option value="">All statuses</option>
                  {STATES.map((s) => (
                    <option key={s} value={s}>
                      {archiveStateMeta[s].label}
                    </option>
                  ))}
                </Select>
              </label>
            </div>
            {filtered && (
              <Button
                variant="ghost"
                size="sm"
                icon={X}
                onClick={() => write({ siteId: '', state: '', q: '' }, true)}
                className="self-start sm:self-auto"
              >
                Clear filters
              </Button>
            )}
            <span className="text-sm text-slate-500 sm:ml-auto">
              {rows.length} archive{rows.length === 1 ? '' : 's'} · {available.length} available ({formatBytes(total)})
            </span>
          </div>
          {outcome && <BulkDeleteOutcome result={outcome} onClose={() => setOutcome(null)} />}
          {chosen.length > 0 && (
            <BulkDeleteBar
              chosen={chosen}
              onClear={() => setSelected(new Set())}
              onDone={(r) => {
                setOutcome(r)
                setSelected(new Set())
              }}
            />
          )}
          <ArchivesTable
            archives={rows}
            showSite
            cardsOnPhone
            selection={selection}
            sort={sort}
            onSortChange={(s) => write({ sort: sortParam(s) ?? '' }, true)}
            empty={
              <EmptyState
                bare
                icon={Archive}
                title="No archive matches"
                description={
                  filter.siteId && !archives.some((a) => a.siteId === filter.siteId)
                    ? 'This site has no archives listed yet: refresh its archive history on its page.'
                    : 'Change the search, site or status filter.'
                }
              />
            }
          />
        </Card>
      )}
    </>
  )
}
