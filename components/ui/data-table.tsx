'use client'

import Link from 'next/link'
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react'
import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import { cn } from './cn'

export type SortValue = string | number | boolean | Date | null | undefined

export interface Column<T> {
  key: string
  header: ReactNode
  cell: (row: T) => ReactNode
  /** Makes the column sortable. Nulls sort last in both directions. */
  sortValue?: (row: T) => SortValue
  align?: 'left' | 'right' | 'center'
  /** Classes for the body cells (e.g. "w-32", "font-mono"). */
  className?: string
  headerClassName?: string
  /** Hide the column below a breakpoint to keep phones readable. */
  hideBelow?: 'sm' | 'md' | 'lg' | 'xl'
  /** The cell holds its own buttons/links: it is lifted above the row link so clicks reach them. */
  interactive?: boolean
}

export interface SortState {
  key: string
  dir: 'asc' | 'desc'
}

export interface DataTableProps<T> {
  rows: readonly T[]
  columns: readonly Column<T>[]
  rowKey: (row: T) => string | number
  /** Makes the whole row clickable through a real <a> in the link column (keyboard and middle-click work). */
  rowHref?: (row: T) => string | null | undefined
  /** Which column holds the row link; defaults to the first column. */
  linkColumn?: string
  /** Accessible table name (visually hidden). */
  caption: string
  /** Shown in place of the body when there are no rows, e.g. an <EmptyState bare />. */
  empty?: ReactNode
  initialSort?: SortState
  /** Controlled sort (e.g. kept in the URL). Pair with onSortChange. */
  sort?: SortState | null
  onSortChange?: (sort: SortState) => void
  /** The rows arrive sorted (the server sorts): the table only shows the arrows. */
  manualSort?: boolean
  /**
   * Ignored: tables grow with the page (no nested scroll boxes); the header sticks to the top of
   * the window instead. Kept so older callers compile.
   * @deprecated
   */
  maxHeight?: string | null
  className?: string
}

const alignClass = { left: 'text-left', right: 'text-right', center: 'text-center' } as const
const hideClass = {
  sm: 'hidden sm:table-cell',
  md: 'hidden md:table-cell',
  lg: 'hidden lg:table-cell',
  xl: 'hidden xl:table-cell',
} as const

export function DataTable<T>({
  rows,
  columns,
  rowKey,
  rowHref,
  linkColumn,
  caption,
  empty,
  initialSort,
  sort: sortProp,
  onSortChange,
  manualSort = false,
  className,
}: DataTableProps<T>) {
  const [sortState, setSortState] = useState<SortState | null>(initialSort ?? null)
  const sort = sortProp !== undefined ? sortProp : sortState
  const linkKey = linkColumn ?? columns[0]?.key

  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key)
    if (!sort || !col?.sortValue || manualSort) return rows
    const get = col.sortValue
    const factor = sort.dir === 'asc' ? 1 : -1
    return rows
      .map((row, i) => ({ row, i, v: normalize(get(row)) }))
      .sort((a, b) => {
        if (a.v == null && b.v == null) return a.i - b.i
        if (a.v == null) return 1
        if (b.v == null) return -1
        const c =
          typeof a.v === 'string' && typeof b.v === 'string'
            ? collator.compare(a.v, b.v)
            : a.v < b.v
              ? -1
              : a.v > b.v
                ? 1
                : 0
        return c !== 0 ? c * factor : a.i - b.i
      })
      .map((x) => x.row)
  }, [rows, columns, sort, manualSort])

  function toggle(key: string) {
    const next: SortState = sort?.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }
    setSortState(next)
    onSortChange?.(next)
  }

  const wrapRef = useRef<HTMLDivElement>(null)
  const wide = useTooWide(wrapRef)

  const isEmpty = rows.length === 0 && empty
  return (
    // No scroll box of its own: the table grows with the page and its header sticks below the
    // phone top bar (h-14) or the window top. Columns with `hideBelow` keep narrow screens from
    // overflowing; a table that is still wider than its place scrolls sideways (never up and down)
    // rather than being cut off, and then its header stays at the table's top.
    <div ref={wrapRef} className={cn('relative', wide && 'overflow-x-auto overscroll-x-contain', className)}>
      <table className="w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((col) => {
              const active = sort?.key === col.key
              const sortable = col.sortValue && rows.length > 1
              const ariaSort = !sortable
                ? undefined
                : active
                  ? sort.dir === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : 'none'
              return (
                <th
                  key={col.key}
                  scope="col"
                  aria-sort={ariaSort}
                  className={cn(
                    'sticky top-0 z-[25] border-b border-slate-200 bg-slate-50/95 px-3 py-2 text-xs font-semibold whitespace-nowrap text-slate-600 backdrop-blur first:pl-4 last:pr-4',
                    !wide && 'max-lg:top-14',
                    alignClass[col.align ?? 'left'],
                    col.hideBelow && hideClass[col.hideBelow],
                    col.headerClassName,
                  )}
                >
                  {sortable ? (
                    <button
                      type="button"
                      onClick={() => toggle(col.key)}
                      className={cn(
                        '-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200/70 hover:text-slate-900',
                        active && 'text-slate-900',
                        col.align === 'right' && 'flex-row-reverse',
                      )}
                    >
                      {col.header}
                      <SortIcon dir={active ? sort.dir : null} />
                    </button>
                  ) : (
                    col.header
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {isEmpty ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            sorted.map((row) => {
              const href = rowHref?.(row)
              return (
                <tr key={rowKey(row)} className={cn('group', href && 'relative hover:bg-slate-50')}>
                  {columns.map((col) => (
                    <td
                      key={col.key}
                      className={cn(
                        'border-b border-slate-100 px-3 py-2.5 align-middle text-slate-800 group-last:border-b-0 first:pl-4 last:pr-4',
                        alignClass[col.align ?? 'left'],
                        col.hideBelow && hideClass[col.hideBelow],
                        col.interactive && href && 'relative z-10',
                        col.className,
                      )}
                    >
                      {href && col.key === linkKey ? (
                        <Link
                          href={href}
                          className="rounded-sm font-medium text-slate-900 outline-none group-hover:underline after:absolute after:inset-0 after:content-[''] focus-visible:after:pointer-events-none focus-visible:after:z-20 focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-blue-600"
                        >
                          {col.cell(row)}
                        </Link>
                      ) : (
                        col.cell(row)
                      )}
                    </td>
                  ))}
                </tr>
              )
            })
          )}
        </tbody>
      </table>
    </div>
  )
}

/**
 * Whether the table is wider than its wrapper (then the wrapper scrolls sideways). Measured, not
 * guessed from breakpoints: most tables fit and keep a header that sticks to the window.
 */
function useTooWide(ref: RefObject<HTMLDivElement | null>): boolean {
  const [wide, setWide] = useState(false)
  useEffect(() => {
    const wrap = ref.current
    const table = wrap?.firstElementChild
    if (!wrap || !table) return
    const measure = () => setWide(table.scrollWidth > wrap.clientWidth + 1)
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(wrap)
    ro.observe(table)
    return () => ro.disconnect()
  }, [ref])
  return wide
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function normalize(v: SortValue): string | number | null {
  if (v == null) return null
  if (v instanceof Date) return v.getTime()
  if (typeof v === 'boolean') return v ? 1 : 0
  return v
}

function SortIcon({ dir }: { dir: 'asc' | 'desc' | null }) {
  const cls = 'size-3.5 shrink-0'
  if (dir === 'asc') return <ArrowUp aria-hidden="true" className={cls} />
  if (dir === 'desc') return <ArrowDown aria-hidden="true" className={cls} />
  return <ChevronsUpDown aria-hidden="true" className={cn(cls, 'text-slate-400')} />
}
