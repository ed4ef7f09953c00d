'use client'

import { useSearchParams } from 'next/navigation'
import { X } from 'lucide-react'
import { useMemo } from 'react'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { Panel } from '@/components/ui/panel'
import { StaleBanner } from '@/components/ui/stale-banner'
import { parseSort, sortParam } from '@/components/ui/sort-param'
import type { RunDto } from '@/lib/domain/runs'
import {
  filterQuery,
  readRunsFilter,
  RUN_SORT_KEYS,
  STATUS_OPTIONS,
  toApiFilter,
  TRIGGER_OPTIONS,
  type RunsPageFilter,
} from './run-filter'
import { isActive } from './run-status'
import { RunsTable } from './runs-table'
import { useRuns } from './use-runs'

export interface RunsViewProps {
  initialRuns: RunDto[]
  /** The filter the server loaded `initialRuns` with. */
  initialQuery: string
  sites: { id: string; name: string; isDemo: boolean }[]
}

/** All runs with filters kept in the URL (shareable, back-button friendly). */
export function RunsView({ initialRuns, initialQuery, sites }: RunsViewProps) {
  const params = useSearchParams()
  const filter = readRunsFilter(new URLSearchParams(params?.toString() ?? ''))
  const query = filterQuery(filter)
  const runs = useRuns(toApiFilter(filter), { initial: query === initialQuery ? initialRuns : undefined })
  const demoSites = useMemo(() => new Set(sites.filter((s) => s.isDemo).map((s) => s.id)), [sites])

  function set(patch: Partial<RunsPageFilter>) {
    // Builds on the address bar as it is now, not on this render's snapshot (two quick changes in a row).
    const qs = filterQuery({ ...readRunsFilter(new URLSearchParams(window.location.search)), ...patch })
    // Next keeps useSearchParams in step with the native history API, without a server round trip.
    window.history.replaceState(null, '', qs ? `/runs?${qs}` : '/runs')
  }

  const active = runs.data?.filter((r) => isActive(r.status)).length ?? 0
  const filtered = Boolean(filter.siteId || filter.status || filter.trigger || filter.since || filter.until)
  const sort = parseSort(filter.sort, RUN_SORT_KEYS)
  return (
    <div>
      <PageHeader
        title="Runs"
        description="Every backup Stepwise started, newest first. Open one to watch it live or read its log."
      />
      <Panel
        title={
          runs.data
            ? `${runs.data.length}${runs.data.length === 200 ? '+' : ''} run${runs.data.length === 1 ? '' : 's'}`
            : 'Runs'
        }
        description={active ? `${active} in progress — updating live` : undefined}
        padded={false}
        actions={
          filtered ? (
            <Button
              size="sm"
              variant="ghost"
              icon={X}
              onClick={() =>
                set({ siteId: undefined, status: undefined, trigger: undefined, since: undefined, until: undefined })
              }
            >
              Clear filters
            </Button>
          ) : undefined
        }
      >
        <form
          role="search"
          aria-label="Filter runs"
          className="grid grid-cols-2 gap-3 border-b border-slate-200 px-4 py-3 sm:px-5 md:grid-cols-5"
          onSubmit={(e) => e.preventDefault()}
        >
          <Filter label="Site">
            {(id) => (
              <Select
                id={id}
                value={filter.siteId ?? ''}
                onChange={(e) => set({ siteId: e.target.value || undefined })}
              >
                <option value="">All sites</option>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {s.isDemo ? ' (demo)' : ''}
                  </option>
                ))}
              </Select>
            )}
          </Filter>
          <Filter label="Status">
            {(id) => (
              <Select
                id={id}
                value={filter.status ?? ''}
                onChange={(e) => set({ status: e.target.value || undefined })}
              >
                {STATUS_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
                {filter.status && !STATUS_OPTIONS.some((o) => o.value === filter.status) && (
                  <option value={filter.status}>{filter.status}</option>
                )}
              </Select>
            )}
          </Filter>
          <Filter label="Trigger">
            {(id) => (
              <Select
                id={id}
                value={filter.trigger ?? ''}
                onChange={(e) => set({ trigger: e.target.value || undefined })}
              >
                {TRIGGER_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            )}
          </Filter>
          <Filter label="From">
            {(id) => (
              <Input
                id={id}
                type="date"
                value={filter.since ?? ''}
                max={filter.until}
                onChange={(e) => set({ since: e.target.value || undefined })}
              />
            )}
          </Filter>
          <Filter label="To">
            {(id) => (
              <Input
                id={id}
                type="date"
                value={filter.until ?? ''}
                min={filter.since}
                onChange={(e) => set({ until: e.target.value || undefined })}
              />
            )}
          </Filter>
        </form>
        <StaleBanner query={runs} what="runs" className="mx-4 my-3 sm:mx-5" />
        <RunsTable
          runs={runs.data ?? []}
          demoSites={demoSites}
          sort={sort}
          onSortChange={(next) => set({ sort: sortParam(next) })}
        />
      </Panel>
    </div>
  )
}

function Filter({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = `runs-filter-${label.toLowerCase()}`
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {children(id)}
    </div>
  )
}
