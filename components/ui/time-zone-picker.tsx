'use client'

import { Check, ChevronsUpDown } from 'lucide-react'
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { Popover } from 'radix-ui'
import { cn } from './cn'
import type { FieldControlProps } from './field'

export interface TimeZonePickerProps extends FieldControlProps {
  /** IANA names, e.g. from Intl.supportedValuesOf('timeZone'). */
  zones: readonly string[]
  value: string
  onChange: (zone: string) => void
  /** Offered first, in this order, with why (e.g. "Your browser", "The server"). */
  suggested?: readonly { zone: string; why: string }[]
  required?: boolean
}

const NO_OFFSETS: ReadonlyMap<string, string> = new Map()

/** "Asia/Kolkata" → "Asia/Kolkata"; "America/Argentina/Buenos_Aires" → "America/Argentina/Buenos Aires". */
export function zoneText(zone: string): string {
  return zone.replace(/_/g, ' ')
}

/** "UTC+05:30" now, for the zone (daylight saving time included). */
export function zoneOffset(zone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value
    if (!part) return ''
    return part === 'GMT' ? 'UTC+00:00' : part.replace('GMT', 'UTC')
  } catch {
    return ''
  }
}

/** Zones whose name, city or offset contains every word typed ("new york", "kolk", "+5:30", "utc-3"). */
export function matchZones(zones: readonly string[], query: string, offsets: ReadonlyMap<string, string>): string[] {
  const words = query.trim().toLowerCase().replace(/_/g, ' ').split(/\s+/).filter(Boolean)
  if (!words.length) return [...zones]
  return zones.filter((z) => {
    const hay =
      `${zoneText(z)} ${offsets.get(z) ?? ''} ${(offsets.get(z) ?? '').replace(':00', '').replace(/([+-])0/, '$1')}`.toLowerCase()
    return words.every((w) => hay.includes(w))
  })
}

/**
 * A searchable combobox for ~400 time zones (ARIA 1.2 combobox + listbox): type to filter by city,
 * region or offset; ↑/↓ move, Enter picks, Esc closes and restores; Home/End jump. The suggested zones
 * (the browser's, the server's) come first. Only a known zone can be chosen.
 */
export function TimeZonePicker({
  zones,
  value,
  onChange,
  suggested = [],
  required,
  id,
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
}: TimeZonePickerProps) {
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState<string | null>(null) // null: showing the chosen zone
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  // Offsets are computed when the list first opens (400 formatters, in the browser only).
  const [offsets, setOffsets] = useState<ReadonlyMap<string, string>>(NO_OFFSETS)
  const loadOffsets = () => {
    if (offsets === NO_OFFSETS) setOffsets(new Map(zones.map((z) => [z, zoneOffset(z)] as const)))
  }
  const options = useMemo(() => {
    const seen = new Set<string>()
    const first = suggested.filter((s) => zones.includes(s.zone) && !seen.has(s.zone) && seen.add(s.zone))
    const ordered = [...first.map((s) => s.zone), ...zones.filter((z) => !seen.has(z))]
    const hits = new Set(matchZones(ordered, query ?? '', offsets))
    return ordered
      .filter((z) => hits.has(z))
      .map((z) => ({ zone: z, why: first.find((s) => s.zone === z)?.why ?? null }))
  }, [zones, suggested, query, offsets])

  const activeIndex = Math.min(active, Math.max(options.length - 1, 0))
  const optionId = (i: number) => `${listId}-opt-${i}`

  function show(startAt?: number) {
    loadOffsets()
    setOpen(true)
    const idx =
      startAt ??
      Math.max(
        0,
        options.findIndex((o) => o.zone === value),
      )
    setActive(idx)
    scrollTo(idx)
  }

  function scrollTo(i: number) {
    requestAnimationFrame(() => document.getElementById(optionId(i))?.scrollIntoView({ block: 'nearest' }))
  }

  function move(i: number) {
    const next = Math.max(0, Math.min(options.length - 1, i))
    setActive(next)
    scrollTo(next)
  }

  function pick(zone: string) {
    onChange(zone)
    setQuery(null)
    setOpen(false)
  }

  function close() {
    setOpen(false)
    setQuery(null)
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        if (!open) show()
        else move(activeIndex + 1)
        break
      case 'ArrowUp':
        e.preventDefault()
        if (!open) show()
        else move(activeIndex - 1)
        break
      case 'PageDown':
        if (open) {
          e.preventDefault()
          move(activeIndex + 10)
        }
        break
      case 'PageUp':
        if (open) {
          e.preventDefault()
          move(activeIndex - 10)
        }
        break
      case 'Home':
        if (open && query === null) {
          e.preventDefault()
          move(0)
        }
        break
      case 'End':
        if (open && query === null) {
          e.preventDefault()
          move(options.length - 1)
        }
        break
      case 'Enter':
        if (open) {
          e.preventDefault() // never submit the form from the picker
          const o = options[activeIndex]
          if (o) pick(o.zone)
        }
        break
      case 'Escape':
        if (open || query !== null) {
          e.preventDefault()
          e.stopPropagation()
          close()
        }
        break
      case 'Tab':
        if (open) close()
        break
    }
  }

  const expanded = open && options.length > 0
  return (
    <div className="relative">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        required={required}
        autoComplete="off"
        spellCheck={false}
        value={query ?? zoneText(value)}
        onChange={(e) => {
          setQuery(e.target.value)
          loadOffsets()
          setOpen(true)
          setActive(0)
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => !open && show()}
        onBlur={() => {
          // A typed zone that matches exactly counts; anything else goes back to the chosen zone.
          const typed = query?.trim().replace(/ /g, '_').toLowerCase()
          const exact = typed ? zones.find((z) => z.toLowerCase() === typed) : undefined
          if (exact && exact !== value) onChange(exact)
          close()
        }}
        onKeyDown={onKeyDown}
        className={cn(
          'block h-9 w-full rounded-md border-0 bg-white pr-9 pl-3 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400',
          'focus:outline-2 focus:-outline-offset-1 focus:outline-blue-600 aria-invalid:ring-red-500',
        )}
        placeholder="Search a city, region or UTC offset"
      />
      <button
        type="button"
        tabIndex={-1}
        aria-hidden="true"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          if (open) close()
          else {
            inputRef.current?.focus()
            show()
          }
        }}
        className="absolute inset-y-0 right-0 flex w-9 items-center justify-center text-slate-500"
      >
        <ChevronsUpDown className="size-4" />
      </button>
      {/* In a portal, so a panel's clipping (rounded corners) never cuts the list off. */}
      <Popover.Root open={open} onOpenChange={(o) => !o && close()}>
        <Popover.Anchor asChild>
          <span aria-hidden="true" className="pointer-events-none absolute inset-x-0 bottom-0 h-0" />
        </Popover.Anchor>
        <Popover.Portal>
          <Popover.Content
            role="presentation"
            side="bottom"
            align="start"
            sideOffset={4}
            collisionPadding={8}
            onOpenAutoFocus={(e) => e.preventDefault()}
            onCloseAutoFocus={(e) => e.preventDefault()}
            onInteractOutside={(e) => {
              if (e.target instanceof Node && inputRef.current?.parentElement?.contains(e.target)) e.preventDefault()
            }}
            className="z-[60] w-(--radix-popover-trigger-width) rounded-md bg-white text-sm shadow-lg ring-1 ring-slate-900/10"
          >
            {options.length > 0 ? (
              <ul
                ref={listRef}
                id={listId}
                role="listbox"
                aria-label="Time zones"
                className="max-h-[min(18rem,var(--radix-popover-content-available-height))] overflow-auto py-1"
              >
                {expanded &&
                  options.map((o, i) => {
                    const selected = o.zone === value
                    return (
                      <li
                        key={o.zone}
                        id={optionId(i)}
                        role="option"
                        aria-selected={selected}
                        onMouseDown={(e) => e.preventDefault()} // keep focus in the input
                        onClick={() => pick(o.zone)}
                        onMouseMove={() => i !== activeIndex && setActive(i)}
                        className={cn(
                          'flex cursor-pointer items-center gap-2 px-3 py-1.5 text-slate-800',
                          i === activeIndex && 'bg-slate-100 text-slate-900',
                          o.why && options[i + 1] && !options[i + 1].why && 'border-b border-slate-200',
                        )}
                      >
                        <Check aria-hidden="true" className={cn('size-3.5 shrink-0', !selected && 'invisible')} />
                        <span className="min-w-0 flex-1 truncate">{zoneText(o.zone)}</span>
                        {o.why && <span className="shrink-0 text-xs text-slate-600">{o.why}</span>}
                        <span className="shrink-0 text-xs text-slate-600 tabular-nums">{offsets.get(o.zone)}</span>
                      </li>
                    )
                  })}
              </ul>
            ) : (
              <p role="status" className="px-3 py-2 text-slate-600">
                No time zone matches “{query}”.
              </p>
            )}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  )
}
