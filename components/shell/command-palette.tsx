'use client'

import { useQuery } from '@tanstack/react-query'
import { Dialog } from 'radix-ui'
import { CornerDownLeft, FileText, Play, Search, Server, type LucideIcon } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { useMe } from '@/components/auth/me-provider'
import { runStatusMeta } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import { Spinner } from '@/components/ui/spinner'
import { useReturnFocus } from '@/components/ui/use-return-focus'
import { apiGet } from '@/lib/api/client-fetch'
import { roleAllows } from '@/lib/domain/roles'
import type { RunDto } from '@/lib/domain/runs'
import type { SiteDto } from '@/lib/domain/sites'
import { formatRelative } from '@/lib/format/format'
import { runKeys, siteKeys } from '@/lib/query-keys'
import { navItems } from './nav-items'
import { filterPalette, type PaletteItem, type PaletteKind } from './palette-items'

const RECENT_RUNS = { limit: '100' }
const GROUP: Record<PaletteKind, { title: string; icon: LucideIcon }> = {
  page: { title: 'Pages', icon: FileText },
  site: { title: 'Sites', icon: Server },
  run: { title: 'Recent runs', icon: Play },
}

/** Jump to a page, a site or a recent run: type to filter, ↑/↓ to move, Enter to go. */
export default function CommandPalette({
  open,
  onOpenChange,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const returnFocus = useReturnFocus()
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40 backdrop-blur-[1px]" />
        <Dialog.Content
          {...returnFocus}
          aria-describedby={undefined}
          className="fixed top-[12vh] left-1/2 z-50 flex max-h-[76vh] w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 flex-col overflow-hidden rounded-xl bg-white shadow-2xl ring-1 ring-slate-900/10 focus:outline-none"
        >
          <Dialog.Title className="sr-only">Jump to a page, site or run</Dialog.Title>
          {open && <PaletteBody onDone={() => onOpenChange(false)} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

function PaletteBody({ onDone }: { onDone: () => void }) {
  const router = useRouter()
  const me = useMe()
  const listId = useId()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)

  // The same keys and shapes as the Sites list and the overview's recent runs: a warm cache is reused.
  const sites = useQuery({
    queryKey: siteKeys.list(),
    queryFn: async () => (await apiGet<{ sites: SiteDto[] }>('/api/sites')).sites,
  })
  const runs = useQuery({
    queryKey: runKeys.list(RECENT_RUNS),
    queryFn: async () => (await apiGet<{ runs: RunDto[] }>('/api/runs?limit=100')).runs,
  })

  const items = useMemo<PaletteItem[]>(() => {
    // eslint-disable-next-line react-hooks/purity -- relative times for a list shown only while open
    const now = Date.now()
    const pages = navItems
      .filter((i) => !i.access || (me !== null && roleAllows(me.role, i.access)))
      .map((i) => ({ id: `page:${i.href}`, kind: 'page' as const, label: i.label, href: i.href }))
    const siteItems = (sites.data ?? []).map((s) => ({
      id: `site:${s.id}`,
      kind: 'site' as const,
      label: s.name,
      detail: s.baseUrl.replace(/^https?:\/\//, '').replace(/\/$/, ''),
      href: `/sites/${s.id}`,
      keywords: [...s.tags, s.hostGroup ?? ''].join(' '),
    }))
    const runItems = (runs.data ?? []).map((r) => ({
      id: `run:${r.id}`,
      kind: 'run' as const,
      label: r.siteName,
      detail: `${runStatusMeta[r.status]?.label ?? r.status} · ${formatRelative(r.createdAt, now)}${r.description ? ` · ${r.description}` : ''}`,
      href: `/runs/${r.id}`,
      keywords: r.trigger,
    }))
    return [...pages, ...siteItems, ...runItems]
  }, [me, sites.data, runs.data])

  const shown = useMemo(() => filterPalette(items, query), [items, query])
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0))
  const optionId = (i: number) => `${listId}-${i}`
  const loading = sites.isPending || runs.isPending

  function go(item: PaletteItem | undefined) {
    if (!item) return
    onDone()
    router.push(item.href)
  }

  function move(i: number) {
    const next = shown.length ? (i + shown.length) % shown.length : 0
    setActive(next)
    requestAnimationFrame(() => document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' }))
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      move(activeIndex + 1)
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      move(activeIndex - 1)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      go(shown[activeIndex])
    }
  }

  return (
    <>
      <div className="flex items-center gap-2 border-b border-slate-200 px-4">
        <Search aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-label="Jump to"
          aria-expanded={shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown.length ? optionId(activeIndex) : undefined}
          placeholder="Type a site, a page or a run…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          className="h-12 min-w-0 flex-1 bg-transparent text-[15px] text-slate-900 placeholder:text-slate-500 focus:outline-none"
        />
        {loading && <Spinner className="size-4 text-slate-500" />}
      </div>
      <div id={listId} role="listbox" aria-label="Results" className="min-h-0 flex-1 overflow-y-auto p-2">
        {(['page', 'site', 'run'] as const).map((kind) => {
          const entries = shown.map((item, i) => ({ item, i })).filter((x) => x.item.kind === kind)
          if (!entries.length) return null
          const Icon = GROUP[kind].icon
          return (
            <div key={kind} role="group" aria-labelledby={`${listId}-${kind}`}>
              <div id={`${listId}-${kind}`} className="px-2 pt-2 pb-1 text-xs font-semibold text-slate-600">
                {GROUP[kind].title}
              </div>
              {entries.map(({ item, i }) => (
                <div
                  key={item.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => go(item)}
                  onMouseMove={() => i !== activeIndex && setActive(i)}
                  className={cn(
                    'flex cursor-pointer items-center gap-3 rounded-md px-2 py-2 text-sm',
                    i === activeIndex ? 'bg-slate-100 text-slate-900' : 'text-slate-800',
                  )}
                >
                  <Icon aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{item.label}</span>
                    {item.detail && <span className="block truncate text-xs text-slate-600">{item.detail}</span>}
                  </span>
                  {i === activeIndex && (
                    <CornerDownLeft aria-hidden="true" className="size-3.5 shrink-0 text-slate-500" />
                  )}
                </div>
              ))}
            </div>
          )
        })}
      </div>
      {shown.length === 0 && (
        <p role="status" className="px-4 pb-6 text-center text-sm text-slate-600">
          {loading ? 'Loading sites and runs…' : `Nothing matches “${query}”.`}
        </p>
      )}
      <p className="hidden border-t border-slate-200 px-4 py-2 text-xs text-slate-500 sm:block">
        ↑ ↓ to move · Enter to open · Esc to close
      </p>
    </>
  )
}
