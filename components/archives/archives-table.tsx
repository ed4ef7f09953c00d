'use client'

import Link from 'next/link'
import type { ArchiveDto } from '@/lib/domain/archives'
import { archiveState } from '@/lib/archives/archive-state'
import { StateBadge } from '@/components/ui/badge'
import { DataTable, type Column } from '@/components/ui/data-table'
import { formatBytes, formatDuration } from '@/lib/format/format'
import { RelativeTime } from '@/components/ui/time'
import type { ReactNode } from 'react'
import { ArchiveActions } from './archive-actions'
import { DemoBadge } from '@/components/ui/demo-badge'

const ORIGINS: Record<string, string> = {
  json: 'Remote (API)',
  backend: 'Back-end',
  frontend: 'Front-end',
  cli: 'CLI',
  restorepoint: 'Restore point',
}

function originLabel(o: string): string {
  return ORIGINS[o] ?? (o || '—')
}

const XL = 'hidden xl:table-cell'
/** The fleet table has a Site column too: Origin only on very wide screens. */
const XXL = 'hidden 2xl:table-cell'

function sizeText(a: ArchiveDto): string {
  const size = a.totalSize ? formatBytes(a.totalSize) : '—'
  return a.multipart > 1 ? `${size} in ${a.multipart} parts` : size
}

function columnsFor(showSite: boolean): Column<ArchiveDto>[] {
  const cols: Column<ArchiveDto>[] = [
    {
      key: 'state',
      header: 'Status',
      className: 'w-36',
      cell: (a) => <StateBadge state={archiveState(a)} kind="archive" size="sm" />,
      sortValue: (a) => archiveState(a),
    },
    {
      key: 'description',
      header: 'Backup',
      cell: (a) => (
        <span className="flex min-w-0 flex-col">
          <span className="truncate">
            {a.description || 'No description'}
            {a.runId && (
              <Link href={`/runs/${a.runId}`} className="ml-2 text-xs font-normal text-blue-700 hover:underline">
                Run
              </Link>
            )}
          </span>
          <span className="truncate font-mono text-xs text-slate-500" title={a.archiveName}>
            {a.archiveName || '—'}
          </span>
          {/* Phones: the columns hidden below sm, in one line. */}
          <span className="text-xs text-slate-600 sm:hidden">
            {showSite && <>{a.siteName} · </>}
            <RelativeTime date={a.backupStart} /> · {sizeText(a)}
          </span>
        </span>
      ),
      sortValue: (a) => a.description,
      className: showSite
        ? 'max-w-[11rem] sm:max-w-[16rem] 2xl:max-w-[22rem]'
        : 'max-w-[11rem] sm:max-w-[16rem] xl:max-w-[22rem]',
    },
  ]
  if (showSite) {
    cols.push({
      key: 'site',
      header: 'Site',
      hideBelow: 'sm',
      sortValue: (a) => a.siteName,
      cell: (a) => (
        <span className="flex items-center gap-2">
          <Link href={`/sites/${a.siteId}`} className="hover:underline">
            {a.siteName}
          </Link>
          {a.siteIsDemo && <DemoBadge />}
        </span>
      ),
    })
  }
  cols.push(
    {
      key: 'start',
      header: 'Started',
      hideBelow: 'sm',
      className: 'whitespace-nowrap',
      cell: (a) => <RelativeTime date={a.backupStart} />,
      sortValue: (a) => a.backupStart,
    },
    {
      key: 'duration',
      header: 'Duration',
      className: `${XL} whitespace-nowrap tabular-nums`,
      headerClassName: XL,
      cell: (a) => formatDuration(a.durationMs),
      sortValue: (a) => a.durationMs,
    },
    {
      key: 'size',
      header: 'Size',
      align: 'right',
      hideBelow: 'sm',
      className: 'whitespace-nowrap tabular-nums',
      cell: (a) => (
        <span className="flex flex-col items-end">
          <span>{a.totalSize ? formatBytes(a.totalSize) : '—'}</span>
          {a.multipart > 1 && <span className="text-xs text-slate-500">{a.multipart} parts</span>}
        </span>
      ),
      sortValue: (a) => a.totalSize,
    },
    {
      key: 'origin',
      header: 'Origin',
      className: `${showSite ? XXL : 'hidden lg:table-cell'} whitespace-nowrap text-slate-600`,
      headerClassName: showSite ? XXL : 'hidden lg:table-cell',
      cell: (a) => `${originLabel(a.origin)}${a.profileId ? ` · #${a.profileId}` : ''}`,
      sortValue: (a) => a.origin,
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      align: 'right',
      interactive: true,
      cell: (a) => <ArchiveActions archive={a} />,
    },
  )
  return cols
}

const SITE_COLS = columnsFor(false)
const FLEET_COLS = columnsFor(true)

export function ArchivesTable({
  archives,
  showSite = false,
  empty,
  maxHeight,
}: {
  archives: ArchiveDto[]
  showSite?: boolean
  empty: ReactNode
  maxHeight?: string | null
}) {
  return (
    <DataTable
      caption="Archives"
      rows={archives}
      columns={showSite ? FLEET_COLS : SITE_COLS}
      rowKey={(a) => a.id}
      initialSort={{ key: 'start', dir: 'desc' }}
      empty={empty}
      maxHeight={maxHeight}
    />
  )
}
