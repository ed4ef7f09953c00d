'use client'

import { History } from 'lucide-react'
import { Badge, StateBadge, runStatusMeta } from '@/components/ui/badge'
import { DataTable, type Column, type SortState } from '@/components/ui/data-table'
import { domainLabel } from '@/lib/format/domains'
import { EmptyState } from '@/components/ui/empty-state'
import { formatDuration } from '@/lib/format/format'
import { ProgressBar } from '@/components/ui/progress-bar'
import { RelativeTime } from '@/components/ui/time'
import type { RunDto } from '@/lib/domain/runs'
import { DemoBadge } from '@/components/ui/demo-badge'
import { isActive, triggerLabel } from './run-status'

function columns(demoSites: ReadonlySet<string>): Column<RunDto>[] {
  return [
    {
      key: 'status',
      header: 'State',
      cell: (r) => <StateBadge state={r.status} kind="run" live={r.status === 'running'} size="sm" />,
      sortValue: (r) => runStatusMeta[r.status]?.label ?? r.status,
      className: 'w-32 max-sm:w-auto',
    },
    {
      key: 'site',
      header: 'Site',
      cell: (r) => (
        <span className="flex min-w-0 flex-col">
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate">{r.siteName}</span>
            {demoSites.has(r.siteId) && <DemoBadge />}
          </span>
          {r.description && (
            <span className="line-clamp-2 text-xs font-normal break-words text-slate-600" title={r.description}>
              {r.description}
            </span>
          )}
          {/* Phones: when it started, whose column is hidden. */}
          <span className="text-xs font-normal text-slate-500 sm:hidden">
            <RelativeTime date={r.startedAt ?? r.createdAt} />
          </span>
        </span>
      ),
      sortValue: (r) => r.siteName,
      className: 'max-w-[14rem] sm:max-w-xs',
    },
    {
      key: 'progress',
      header: 'Details',
      cell: (r) =>
        isActive(r.status) ? (
          <span className="flex w-full max-w-40 flex-col gap-0.5">
            <ProgressBar
              value={r.status === 'queued' ? null : r.progress}
              state={r.status}
              live={r.status === 'running'}
              showPercent
            />
            <span className="text-xs text-slate-500">
              {r.status === 'queued' ? 'Waiting to start' : domainLabel(r.domain) || 'Starting'}
            </span>
          </span>
        ) : r.errorMessage && r.status !== 'succeeded' ? (
          <span className="block truncate text-xs text-slate-600" title={r.errorMessage}>
            {r.errorMessage}
          </span>
        ) : r.warningsCount > 0 ? (
          <Badge tone="warn" size="sm">
            {r.warningsCount} warning{r.warningsCount > 1 ? 's' : ''}
          </Badge>
        ) : (
          <span className="text-slate-400">—</span>
        ),
      // Takes the room that is left; a long server message is cut with … (the whole text on hover).
      className: 'w-full max-w-0 min-w-24',
      hideBelow: 'sm',
    },
    {
      key: 'trigger',
      header: 'Trigger',
      cell: (r) => triggerLabel(r.trigger),
      sortValue: (r) => r.trigger,
      hideBelow: 'md',
    },
    {
      key: 'started',
      header: 'Started',
      cell: (r) => <RelativeTime date={r.startedAt ?? r.createdAt} />,
      sortValue: (r) => r.startedAt ?? r.createdAt,
      className: 'whitespace-nowrap',
      hideBelow: 'sm',
    },
    {
      key: 'took',
      header: 'Took',
      align: 'right',
      cell: (r) =>
        r.startedAt && r.finishedAt ? formatDuration(Date.parse(r.finishedAt) - Date.parse(r.startedAt)) : '—',
      sortValue: (r) => (r.startedAt && r.finishedAt ? Date.parse(r.finishedAt) - Date.parse(r.startedAt) : null),
      className: 'whitespace-nowrap tabular-nums',
      hideBelow: 'lg',
    },
  ]
}

export function RunsTable({
  runs,
  demoSites,
  caption = 'Backup runs',
  empty,
  sort,
  onSortChange,
}: {
  runs: RunDto[]
  demoSites: ReadonlySet<string>
  caption?: string
  empty?: React.ReactNode
  /** @deprecated ignored: tables grow with the page. */
  maxHeight?: string | null
  sort?: SortState | null
  onSortChange?: (sort: SortState) => void
}) {
  return (
    <DataTable
      caption={caption}
      rows={runs}
      columns={columns(demoSites)}
      rowKey={(r) => r.id}
      rowHref={(r) => `/runs/${r.id}`}
      linkColumn="site"
      sort={sort}
      onSortChange={onSortChange}
      empty={
        empty ?? (
          <EmptyState
            bare
            icon={History}
            title="No runs match"
            description="Change the filters, or start a backup from the overview or a site page."
          />
        )
      }
    />
  )
}
