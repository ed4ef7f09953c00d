'use client'

import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { cn } from './cn'

export interface TabItem {
  value: string
  label: ReactNode
  /** Rendered only while its tab is selected. */
  content: ReactNode
}

const tabClass = cn(
  '-mb-px border-b-2 border-transparent px-3 py-2.5 text-sm font-medium text-slate-600 hover:text-slate-900',
  'data-[state=active]:border-slate-900 data-[state=active]:text-slate-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600',
)

/**
 * Tabs as the WAI-ARIA tabs pattern has them: a labelled tablist, the selected tab in the tab order and
 * the others reached with the arrow keys, Home and End (a tab is selected as it gets focus), and one
 * panel labelled by its tab. Written here rather than taken from Radix: it is the only Radix part the
 * run page would load, and the run page has a first-load budget (issue 16: ≤ 150 KB compressed).
 */
export function Tabs({
  label,
  value,
  onValueChange,
  items,
  className,
}: {
  label: string
  value: string
  onValueChange: (value: string) => void
  items: TabItem[]
  className?: string
}) {
  const base = useId()
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const selected = Math.max(
    0,
    items.findIndex((t) => t.value === value),
  )
  const select = (i: number) => {
    const n = (i + items.length) % items.length
    tabs.current[n]?.focus()
    onValueChange(items[n].value)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move: Record<string, number> = {
      ArrowRight: selected + 1,
      ArrowLeft: selected - 1,
      Home: 0,
      End: items.length - 1,
    }
    if (!(e.key in move)) return
    e.preventDefault()
    select(move[e.key])
  }
  const current = items[selected]
  return (
    <div className={className}>
      <div
        role="tablist"
        aria-label={label}
        aria-orientation="horizontal"
        onKeyDown={onKeyDown}
        className="flex gap-1 border-b border-slate-200 px-2 sm:px-3"
      >
        {items.map((t, i) => (
          <button
            key={t.value}
            ref={(el) => {
              tabs.current[i] = el
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.value}`}
            aria-selected={i === selected}
            aria-controls={`${base}-panel-${t.value}`}
            data-state={i === selected ? 'active' : 'inactive'}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => onValueChange(t.value)}
            className={tabClass}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${base}-panel-${current.value}`}
          aria-labelledby={`${base}-tab-${current.value}`}
          tabIndex={0}
          className="focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600"
        >
          {current.content}
        </div>
      )}
    </div>
  )
}
