'use client'

import Link from 'next/link'
import { CircleAlert, CircleCheck, CircleX, Clock, Loader2 } from 'lucide-react'
import type { BulkRow } from '@/lib/sites/bulk-import'
import type { BulkAddResult, BulkCheckResult } from '@/lib/sites/bulk-add'
import { Badge } from '@/components/ui/badge'
import { DataTable, type Column } from '@/components/ui/data-table'
import { causeHeading } from '../check-causes'
import { platformLabel } from '../site-labels'

export interface RowView {
  row: BulkRow
  check?: BulkCheckResult
  save?: BulkAddResult
  /** Waiting for its check or save answer. */
  pending: boolean
  phase: 'edit' | 'checking' | 'checked' | 'saving' | 'saved'
}

/** The row's state as one badge: a word and an icon, never colour alone (UI.md). */
function RowBadge({ v }: { v: RowView }) {
  if (v.save?.ok)
    return (
      <Badge tone="ok" icon={CircleCheck}>
        Added
      </Badge>
    )
  if (v.save && !v.save.ok)
    return (
      <Badge tone="bad" icon={CircleX}>
        Not added
      </Badge>
    )
  if (v.pending)
    return (
      <Badge tone={v.phase === 'edit' ? 'idle' : 'live'} icon={Loader2} className="[&>svg]:motion-safe:animate-spin">
        {v.phase === 'saving' ? 'Adding…' : 'Checking…'}
      </Badge>
    )
  if (!v.check) {
    return v.row.problems.length ? (
      <Badge tone="bad" icon={CircleAlert}>
        Needs a fix
      </Badge>
    ) : (
      <Badge tone="idle" icon={Clock}>
        Not checked
      </Badge>
    )
  }
  if (v.check.ok)
    return (
      <Badge tone="ok" icon={CircleCheck}>
        Ready
      </Badge>
    )
  if (v.check.cause === 'duplicate')
    return (
      <Badge tone="idle" icon={CircleAlert}>
        Already added
      </Badge>
    )
  return (
    <Badge tone="bad" icon={CircleX}>
      {v.check.cause === 'invalid' ? 'Needs a fix' : 'Failed'}
    </Badge>
  )
}

/** What the check or save said, in the wizard's plain words, with the server's own words below. */
function Details({ v }: { v: RowView }) {
  if (v.save?.ok && v.save.site)
    return (
      <Link href={`/sites/${v.save.site.id}`} className="text-blue-700 hover:underline">
        Open {v.save.site.name}
      </Link>
    )
  if (v.save?.error) return <p className="text-red-700">{v.save.error.message}</p>
  const c = v.check
  if (!c) {
    if (!v.row.problems.length) return null
    return <p className="text-red-700">{v.row.problems.map((p) => p.message).join(' ')}</p>
  }
  if (c.ok)
    return (
      <p className="text-slate-600">
        {platformLabel(c.platform ?? null)}
        {c.akeebaVersion ? ` · Akeeba Backup ${c.akeebaVersion}` : ''}
      </p>
    )
  return (
    <div className="flex flex-col gap-0.5">
      <p className="font-medium text-slate-900">
        {c.cause === 'invalid' ? 'Fix this row' : causeHeading(c.cause ?? 'unknown')}
        {c.existingSite && (
          <>
            {' · '}
            <Link href={`/sites/${c.existingSite.id}`} className="font-normal text-blue-700 hover:underline">
              open it
            </Link>
          </>
        )}
      </p>
      {c.message && <p className="text-[13px] [overflow-wrap:anywhere] text-slate-600">{c.message}</p>}
      {c.advice && <p className="text-[13px] text-slate-600">{c.advice}</p>}
    </div>
  )
}

function SiteCell({ v }: { v: RowView }) {
  const name = v.check?.name || v.row.name
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">
        {name || <span className="text-slate-500 italic">name from the site&apos;s title</span>}
        {v.check?.nameSuggested && <span className="ml-1.5 text-xs font-normal text-slate-500">(from the site)</span>}
      </span>
      <span className="font-mono text-[12px] text-slate-600 [overflow-wrap:anywhere]">{v.row.url || '—'}</span>
      {v.row.tags.length > 0 && (
        <span className="flex flex-wrap gap-1">
          {v.row.tags.map((t) => (
            <span key={t} className="rounded bg-slate-100 px-1.5 text-xs text-slate-700">
              {t}
            </span>
          ))}
        </span>
      )}
      {/* On a phone the details column is hidden: they follow the site here. */}
      <div className="mt-1 text-sm md:hidden">
        <Details v={v} />
      </div>
    </div>
  )
}

const columns: Column<RowView>[] = [
  {
    key: 'line',
    header: 'Line',
    cell: (v) => v.row.line,
    sortValue: (v) => v.row.line,
    className: 'w-14 align-top tabular-nums text-slate-600',
    hideBelow: 'sm',
  },
  {
    key: 'state',
    header: 'Result',
    cell: (v) => <RowBadge v={v} />,
    sortValue: (v) => (v.save?.ok ? 0 : v.check?.ok ? 1 : v.check ? 2 : 3),
    className: 'w-28 align-top sm:w-36',
  },
  { key: 'site', header: 'Site', cell: (v) => <SiteCell v={v} />, className: 'max-w-0 align-top sm:max-w-none' },
  {
    key: 'details',
    header: 'Details',
    cell: (v) => <Details v={v} />,
    hideBelow: 'md',
    interactive: true,
    className: 'max-w-md align-top',
  },
]

export function BulkResults({ views }: { views: RowView[] }) {
  return (
    <DataTable
      caption="Sites from the CSV and their check results"
      rows={views}
      columns={columns}
      rowKey={(v) => v.row.line}
    />
  )
}
