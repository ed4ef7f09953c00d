'use client'

import { useCan } from '@/components/auth/me-provider'
import { usePathname, useSearchParams } from 'next/navigation'
import { useMemo } from 'react'
import Link from 'next/link'
import { FileText, FileUp, Plus, Search, Server, X } from 'lucide-react'
import type { SiteDto } from '@/lib/domain/sites'
import { siteBackupStateMeta } from '@/components/ui/badge'
import { Button, ButtonLink } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { DataTable, type Column } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { Select } from '@/components/ui/field'
import { SearchInput } from '@/components/ui/search-input'
import { PageHeader } from '@/components/ui/page-header'
import { StaleBanner } from '@/components/ui/stale-banner'
import { RelativeTime } from '@/components/ui/time'
import { parseSort, sortParam } from '@/components/ui/sort-param'
import {
  emptyFilter,
  facets,
  filterSites,
  readSiteFilter,
  shortUrl,
  SITE_SORT_KEYS,
  siteFilterQuery,
  type SiteFilter,
} from './site-filter'
import { DemoBadge, platformLabel, SiteStateBadge } from './site-labels'
import { useSites } from './use-sites'

const DEFAULT_SORT = { key: 'state', dir: 'asc' } as const
const STATE_ORDER = ['running', 'failed', 'not_connected', 'no_api', 'too_old', 'obsolete', 'unknown', 'never', 'ok']

const columns: Column<SiteDto>[] = [
  {
    key: 'state',
    header: 'State',
    className: 'w-44',
    cell: (s) => (
      <span className="flex flex-col items-start gap-1">
        <SiteStateBadge site={s} />
        {/* Phones: the last good backup, whose column is hidden. */}
        <span className="text-xs text-slate-500 sm:hidden">
          <RelativeTime date={s.lastSuccessAt} fallback="Never" />
        </span>
      </span>
    ),
    sortValue: (s) => STATE_ORDER.indexOf(s.backupState),
  },
  {
    key: 'name',
    header: 'Site',
    cell: (s) => (
      <span className="flex min-w-0 flex-col">
        <span className="flex items-center gap-2">
          <span className="truncate">{s.name}</span>
          {s.isDemo && <DemoBadge />}
        </span>
        <span className="truncate text-xs font-normal text-slate-500">{shortUrl(s.baseUrl)}</span>
      </span>
    ),
    sortValue: (s) => s.name,
    // Takes the room that is left and truncates long names and addresses, so the table fits.
    className: 'w-full max-w-0 min-w-32',
  },
  {
    key: 'last',
    header: 'Last good backup',
    className: 'whitespace-nowrap',
    hideBelow: 'sm',
    cell: (s) => <RelativeTime date={s.lastSuccessAt} fallback="Never" />,
    sortValue: (s) => s.lastSuccessAt,
  },
  {
    key: 'next',
    header: 'Next backup',
    className: 'whitespace-nowrap text-slate-600',
    hideBelow: 'lg',
    cell: (s) => <RelativeTime date={s.nextBackupAt} fallback="Not scheduled" />,
    sortValue: (s) => s.nextBackupAt,
  },
  {
    key: 'platform',
    header: 'Platform',
    hideBelow: 'md',
    className: 'whitespace-nowrap text-slate-600',
    cell: (s) => (s.platform ? `${platformLabel(s.platform)}${s.akeebaVersion ? ` · ${s.akeebaVersion}` : ''}` : '—'),
    sortValue: (s) => s.platform,
  },
  {
    key: 'tags',
    header: 'Tags',
    hideBelow: 'xl',
    cell: (s) => (
      <span className="flex flex-wrap gap-1">
        {s.tags.map((t) => (
          <span key={t} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs whitespace-nowrap text-slate-700">
            {t}
          </span>
        ))}
      </span>
    ),
  },
  {
    key: 'group',
    header: 'Host group',
    hideBelow: 'xl',
    className: 'text-slate-600',
    cell: (s) => s.hostGroup ?? '—',
    sortValue: (s) => s.hostGroup,
  },
]

export function SitesList({
  initialSites,
  initialFilter,
}: {
  initialSites: SiteDto[]
  initialFilter?: Partial<SiteFilter>
}) {
  const sitesQuery = useSites(initialSites)
  const sites = sitesQuery.data
  const canAdd = useCan('admin')
  // The filter and sort live in the URL (shareable; back, forward and reload keep them). The server
  // render has no useSearchParams snapshot on the first pass, so it falls back to initialFilter.
  const params = useSearchParams()
  const pathname = usePathname() ?? '/sites'
  const { sort: sortText, ...filter } = params
    ? readSiteFilter(new URLSearchParams(params.toString()))
    : { ...emptyFilter, sort: '', ...Object.fromEntries(Object.entries(initialFilter ?? {}).filter(([, v]) => v)) }
  const sort = parseSort(sortText, SITE_SORT_KEYS) ?? DEFAULT_SORT
  const f = useMemo(() => facets(sites), [sites])
  const rows = useMemo(
    () => filterSites(sites, filter),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sites, filter.q, filter.state, filter.tag, filter.hostGroup],
  )
  const write = (next: SiteFilter & { sort?: string }) => {
    const qs = siteFilterQuery(next)
    // Next keeps useSearchParams in step with the history API, without a server round trip.
    window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : pathname)
  }
  // A change builds on the address bar as it is now, not on this render's snapshot: two quick changes
  // (clear the filters, then pick a state) must not bring back what the first one removed.
  const current = () => readSiteFilter(new URLSearchParams(window.location.search))
  const set = (patch: Partial<SiteFilter>) => write({ ...current(), ...patch })
  const setFilter = (next: SiteFilter) => write({ ...next, sort: current().sort })
  const filtered = filter.q || filter.state || filter.tag || filter.hostGroup
  const running = sites.filter((s) => s.backupState === 'running').length

  const addButton = canAdd && (
    <>
      <ButtonLink href="/sites/import" icon={FileUp}>
        Add from CSV
      </ButtonLink>
      <ButtonLink href="/sites/new" variant="primary" icon={Plus}>
        Add site
      </ButtonLink>
    </>
  )
  if (sites.length === 0) {
    return (
      <>
        <PageHeader title="Sites" />
        <EmptyState
          icon={Server}
          title="Add your first site"
          description="Paste a Joomla or WordPress site's address and its Akeeba Backup secret word; Stepwise checks the connection before saving."
          action={canAdd ? <div className="flex flex-wrap justify-center gap-2">{addButton}</div> : undefined}
        />
      </>
    )
  }

  return (
    <>
      <PageHeader
        title="Sites"
        description={`${sites.length} site${sites.length === 1 ? '' : 's'}${running ? ` · ${running} backing up now` : ''}`}
        actions={addButton}
      />
      <StaleBanner query={sitesQuery} what="sites" className="mb-4" />
      <Card>
        <div className="flex flex-col gap-2 border-b border-slate-200 p-3 sm:flex-row sm:flex-wrap sm:items-center">
          <SearchInput
            label="Search sites"
            placeholder="Search name, URL or tag"
            value={filter.q}
            onValue={(q) => set({ q })}
          />
          <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
            <label className="contents">
              <span className="sr-only">State</span>
              <Select value={filter.state} onChange={(e) => set({ state: e.target.value })} className="sm:w-48">
                <option value="">All states</option>
                <option value="attention">Needs attention</option>
                {STATE_ORDER.filter((k) => f.states.has(k)).map((k) => (
                  <option key={k} value={k}>
                    {siteBackupStateMeta[k as keyof typeof siteBackupStateMeta].label} ({f.states.get(k)})
                  </option>
                ))}
              </Select>
            </label>
            {f.tags.length > 0 && (
              <label className="contents">
                <span className="sr-only">Tag</span>
                <Select value={filter.tag} onChange={(e) => set({ tag: e.target.value })} className="sm:w-40">
                  <option value="">All tags</option>
                  {f.tags.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </Select>
              </label>
            )}
            {filter.tag && (
              <Link
                href={`/reports?tag=${encodeURIComponent(filter.tag)}`}
                className="inline-flex items-center gap-1 rounded-sm text-sm text-blue-700 hover:underline"
              >
                <FileText aria-hidden="true" className="size-4" />
                Client report for “{filter.tag}”
              </Link>
            )}
            {f.hostGroups.length > 0 && (
              <label className="contents">
                <span className="sr-only">Host group</span>
                <Select
                  value={filter.hostGroup}
                  onChange={(e) => set({ hostGroup: e.target.value })}
                  className="sm:w-44"
                >
                  <option value="">All host groups</option>
                  {f.hostGroups.map((g) => (
                    <option key={g} value={g}>
                      {g}
                    </option>
                  ))}
                </Select>
              </label>
            )}
          </div>
          {filtered && (
            <Button
              variant="ghost"
              size="sm"
              icon={X}
              onClick={() => setFilter(emptyFilter)}
              className="self-start sm:self-auto"
            >
              Clear filters
            </Button>
          )}
          <span className="text-sm text-slate-500 sm:ml-auto" aria-live="polite">
            {filtered ? `${rows.length} of ${sites.length}` : ''}
          </span>
        </div>
        <DataTable
          caption="Sites"
          rows={rows}
          columns={columns}
          rowKey={(s) => s.id}
          rowHref={(s) => `/sites/${s.id}`}
          linkColumn="name"
          sort={sort}
          onSortChange={(next) => write({ ...current(), sort: sortParam(next) })}
          empty={
            <EmptyState
              bare
              icon={Search}
              title="No site matches"
              description="Change the search or clear the filters."
            />
          }
        />
      </Card>
    </>
  )
}
