'use client'

import Link from 'next/link'
import type { ArchiveDto } from '@/lib/domain/archives'
import { archiveState } from '@/lib/archives/archive-state'
import { StateBadge } from '@/components/ui/badge'
import { DataTable, type Column, type SortState } from '@/components/ui/data-table'
import { formatBytes, formatDuration } from '@/lib/format/format'
import { RelativeTime } from '@/components/ui/time'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
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

export interface ArchiveSelection {
  selected: ReadonlySet<string>
  /** Whether a row may be chosen (e.g. its files are on the site). */
  selectable: (a: ArchiveDto) => boolean
  onChange: (next: Set<string>) => void
}

function archiveLabel(a: ArchiveDto): string {
  return a.archiveName || a.description || `backup #${a.remoteId}`
}

function selectColumn(sel: ArchiveSelection, rows: readonly ArchiveDto[]): Column<ArchiveDto> {
  const choosable = rows.filter(sel.selectable)
  const chosen = choosable.filter((a) => sel.selected.has(a.id)).length
  return {
    key: 'select',
    header: (
      <Checkbox
        label="Select every archive shown"
        checked={choosable.length > 0 && chosen === choosable.length}
        indeterminate={chosen > 0 && chosen < choosable.length}
        disabled={choosable.length === 0}
        onChange={(on) => sel.onChange(new Set(on ? choosable.map((a) => a.id) : []))}
      />
    ),
    className: 'w-8',
    interactive: true,
    cell: (a) => <RowCheckbox archive={a} sel={sel} />,
  }
}

function RowCheckbox({ archive, sel }: { archive: ArchiveDto; sel: ArchiveSelection }) {
  const can = sel.selectable(archive)
  return (
    <Checkbox
      label={`Select ${archiveLabel(archive)}${archive.siteName ? ` on ${archive.siteName}` : ''}`}
      checked={can && sel.selected.has(archive.id)}
      disabled={!can}
      title={can ? undefined : 'Its files are not on the site'}
      onChange={(on) => {
        const next = new Set(sel.selected)
        if (on) next.add(archive.id)
        else next.delete(archive.id)
        sel.onChange(next)
      }}
    />
  )
}

function Checkbox({
  label,
  checked,
  indeterminate = false,
  disabled,
  title,
  onChange,
}: {
  label: string
  checked: boolean
  indeterminate?: boolean
  disabled?: boolean
  title?: string
  onChange: (on: boolean) => void
}) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      title={title}
      checked={checked}
      disabled={disabled}
      ref={(el) => {
        if (el) el.indeterminate = indeterminate
      }}
      onChange={(e) => onChange(e.target.checked)}
      className="size-4 rounded border-slate-300 align-middle accent-slate-900 disabled:opacity-40"
    />
  )
}

/** Below Tailwind's sm breakpoint the archives are cards: nothing is cut and the actions fit. */
function useIsPhone(): boolean {
  const [phone, setPhone] = useState(false)
  useEffect(() => {
    const mq = window.matchMedia('(max-width: 639.98px)')
    const update = () => setPhone(mq.matches)
    update()
    mq.addEventListener('change', update)
    return () => mq.removeEventListener('change', update)
  }, [])
  return phone
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function sortRows(rows: readonly ArchiveDto[], cols: readonly Column<ArchiveDto>[], sort: SortState): ArchiveDto[] {
  const get = cols.find((c) => c.key === sort.key)?.sortValue
  if (!get) return [...rows]
  const f = sort.dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = get(a)
    const y = get(b)
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1
    if (typeof x === 'string' && typeof y === 'string') return collator.compare(x, y) * f
    return (x < y ? -1 : x > y ? 1 : 0) * f
  })
}

function ArchiveCards({
  archives,
  showSite,
  selection,
  sort,
  empty,
}: {
  archives: readonly ArchiveDto[]
  showSite: boolean
  selection?: ArchiveSelection
  sort: SortState
  empty: ReactNode
}) {
  const rows = useMemo(() => sortRows(archives, showSite ? FLEET_COLS : SITE_COLS, sort), [archives, showSite, sort])
  if (rows.length === 0) return <>{empty}</>
  return (
    <ul aria-label="Archives" className="divide-y divide-slate-100">
      {rows.map((a) => (
        <li key={a.id} className="flex gap-3 px-3 py-3">
          {selection && (
            <span className="pt-0.5">
              <RowCheckbox archive={a} sel={selection} />
            </span>
          )}
          <div className="min-w-0 flex-1">
            <div className="flex items-center justify-between gap-2">
              <StateBadge state={archiveState(a)} kind="archive" size="sm" />
              <span className="text-xs whitespace-nowrap text-slate-600 tabular-nums">{sizeText(a)}</span>
            </div>
            <p className="mt-1.5 text-sm break-words text-slate-900">
              {a.description || 'No description'}
              {a.runId && (
                <Link href={`/runs/${a.runId}`} className="ml-2 text-xs text-blue-700 hover:underline">
                  Run
                </Link>
              )}
            </p>
            <p className="font-mono text-xs break-all text-slate-500">{a.archiveName || '—'}</p>
            <p className="mt-0.5 text-xs text-slate-600">
              {showSite && (
                <>
                  <Link href={`/sites/${a.siteId}`} className="hover:underline">
                    {a.siteName}
                  </Link>
                  {a.siteIsDemo && <DemoBadge />} ·{' '}
                </>
              )}
              <RelativeTime date={a.backupStart} />
            </p>
            <div className="mt-2 flex justify-end">
              <ArchiveActions archive={a} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  )
}

const DEFAULT_SORT: SortState = { key: 'start', dir: 'desc' }

export function ArchivesTable({
  archives,
  showSite = false,
  empty,
  selection,
  cardsOnPhone = false,
  sort,
  onSortChange,
}: {
  archives: ArchiveDto[]
  showSite?: boolean
  empty: ReactNode
  /** @deprecated ignored: tables grow with the page. */
  maxHeight?: string | null
  /** Adds a checkbox column (and one per card) for bulk actions. */
  selection?: ArchiveSelection
  /** Below `sm`, cards instead of the table (the fleet page: site, size and actions all fit). */
  cardsOnPhone?: boolean
  /** Controlled sort (kept in the URL by the caller). */
  sort?: SortState | null
  onSortChange?: (sort: SortState) => void
}) {
  const phone = useIsPhone() && cardsOnPhone
  const [ownSort, setOwnSort] = useState<SortState>(DEFAULT_SORT)
  const current = sort ?? ownSort
  const base = showSite ? FLEET_COLS : SITE_COLS
  const columns = useMemo(
    () => (selection ? [selectColumn(selection, archives), ...base] : base),
    [selection, archives, base],
  )
  if (phone)
    return <ArchiveCards archives={archives} showSite={showSite} selection={selection} sort={current} empty={empty} />
  return (
    <DataTable
      caption="Archives"
      rows={archives}
      columns={columns}
      rowKey={(a) => a.id}
      sort={current}
      onSortChange={(s) => {
        setOwnSort(s)
        onSortChange?.(s)
      }}
      empty={empty}
    />
  )
}
