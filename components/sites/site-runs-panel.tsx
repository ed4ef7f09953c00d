'use client'

import { History } from 'lucide-react'
import type { RunDto } from '@/lib/domain/runs'
import { StateBadge } from '@/components/ui/badge'
import { ButtonLink } from '@/components/ui/button'
import { DataTable, type Column } from '@/components/ui/data-table'
import { domainLabel } from '@/lib/format/domains'
import { EmptyState } from '@/components/ui/empty-state'
import { formatDuration } from '@/lib/format/format'
import { Panel } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/time'
import { useSiteRuns } from './use-site-runs'

const TRIGGERS: Record<string, string> = {
  manual: 'Manual',
  bulk: 'Bulk',
  schedule: 'Schedule',
  api: 'API',
  demo: 'Demo',
}

function duration(r: RunDto): number | null {
  if (!r.startedAt) return null
  const end = r.finishedAt ? Date.parse(r.finishedAt) : null
  return end ? end - Date.parse(r.startedAt) : null
}

const columns: Column<RunDto>[] = [
  {
    key: 'status',
    header: 'Status',
    className: 'w-40',
    cell: (r) => (
      <StateBadge
        state={r.status}
        kind="run"
        size="sm"
        live={r.status === 'running'}
        label={
          r.status === 'running' ? `${domainLabel(r.domain) || 'Running'} · ${Math.round(r.progress)}%` : undefined
        }
        title={r.errorMessage ?? undefined}
      />
    ),
    sortValue: (r) => r.status,
  },
  {
    key: 'started',
    header: 'Started',
    className: 'whitespace-nowrap',
    cell: (r) => <RelativeTime date={r.startedAt ?? r.createdAt} />,
    sortValue: (r) => r.startedAt ?? r.createdAt,
  },
  {
    key: 'duration',
    header: 'Duration',
    className: 'whitespace-nowrap tabular-nums',
    hideBelow: 'sm',
    cell: (r) => formatDuration(duration(r)),
    sortValue: duration,
  },
  {
    key: 'what',
    header: 'Description',
    hideBelow: 'md',
    className: 'max-w-[18rem] truncate text-slate-600',
    cell: (r) =>
      r.errorMessage && r.status !== 'succeeded' ? (
        <span className="text-red-700" title={r.errorMessage}>
          {r.errorMessage}
        </span>
      ) : (
        r.description || '—'
      ),
  },
  {
    key: 'trigger',
    header: 'Trigger',
    hideBelow: 'lg',
    className: 'text-slate-600',
    cell: (r) => `${TRIGGERS[r.trigger] ?? r.trigger} · #${r.profileId}`,
  },
  {
    key: 'warnings',
    header: 'Warnings',
    align: 'right',
    hideBelow: 'lg',
    className: 'tabular-nums',
    cell: (r) => (r.warningsCount ? <span className="text-warn-fg">{r.warningsCount}</span> : '—'),
    sortValue: (r) => r.warningsCount,
  },
]

export function SiteRunsPanel({ siteId, initialRuns }: { siteId: string; initialRuns: RunDto[] }) {
  const { data: runs } = useSiteRuns(siteId, initialRuns)
  return (
    <Panel
      id="runs"
      title="Run history"
      padded={false}
      description="Backups Stepwise ran on this site, newest first."
      actions={
        <ButtonLink href={`/runs?siteId=${siteId}`} size="sm" variant="ghost">
          All runs
        </ButtonLink>
      }
    >
      <DataTable
        caption="Run history"
        rows={runs}
        columns={columns}
        rowKey={(r) => r.id}
        rowHref={(r) => `/runs/${r.id}`}
        linkColumn="started"
        maxHeight="24rem"
        empty={
          <EmptyState
            bare
            icon={History}
            title="No runs yet"
            description="Press “Back up now” to make the first backup."
          />
        }
      />
    </Panel>
  )
}
