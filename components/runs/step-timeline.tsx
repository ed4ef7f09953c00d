'use client'

import { Badge } from '@/components/ui/badge'
import { DataTable, type Column } from '@/components/ui/data-table'
import { domainLabel } from '@/lib/format/domains'
import { EmptyState } from '@/components/ui/empty-state'
import { formatDuration } from '@/lib/format/format'
import type { StepDto } from '@/lib/domain/runs'
import { ListOrdered } from 'lucide-react'

const columns: Column<StepDto>[] = [
  { key: 'seq', header: '#', cell: (s) => s.seq, className: 'w-12 tabular-nums text-slate-500' },
  { key: 'step', header: 'Server step', cell: (s) => s.stepNumber ?? '—', className: 'tabular-nums', hideBelow: 'sm' },
  {
    key: 'call',
    header: 'Call',
    cell: (s) => <span className="font-mono text-[13px]">{s.call}</span>,
    hideBelow: 'md',
  },
  { key: 'domain', header: 'Stage', cell: (s) => domainLabel(s.domain) || '—' },
  {
    key: 'progress',
    header: 'Progress',
    align: 'right',
    cell: (s) => (s.progress !== null ? `${Math.round(s.progress)}%` : '—'),
    className: 'tabular-nums',
    hideBelow: 'sm',
  },
  {
    key: 'took',
    header: 'Took',
    align: 'right',
    cell: (s) => formatDuration(s.durationMs),
    className: 'tabular-nums whitespace-nowrap',
  },
  {
    key: 'http',
    header: 'HTTP',
    align: 'right',
    cell: (s) => (
      <span className={s.httpStatus >= 400 || s.httpStatus === 0 ? 'font-semibold text-bad-fg' : ''}>
        {s.httpStatus || '—'}
      </span>
    ),
    className: 'tabular-nums',
  },
  {
    key: 'notes',
    header: 'Notes',
    cell: (s) => (
      <span className="flex flex-wrap gap-1">
        {s.warnings.length > 0 && (
          <Badge tone="warn" size="sm">
            {s.warnings.length} warning{s.warnings.length > 1 ? 's' : ''}
          </Badge>
        )}
        {s.error && (
          <Badge tone="bad" size="sm" title={s.error}>
            {s.errorKind ?? 'error'}
          </Badge>
        )}
      </span>
    ),
  },
]

/** Every call Stepwise made for this run, oldest first; new rows append at the bottom. */
export function StepTimeline({ steps }: { steps: StepDto[] }) {
  return (
    <DataTable
      caption="Step timeline"
      rows={steps}
      columns={columns}
      rowKey={(s) => s.seq}
      maxHeight={null}
      empty={
        <EmptyState
          bare
          icon={ListOrdered}
          title="No steps yet"
          description="Steps appear here as the site answers each call."
        />
      }
    />
  )
}
