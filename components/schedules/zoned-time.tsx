'use client'

import { useSyncExternalStore } from 'react'
import { RelativeTime } from '@/components/ui/time'
import { cn } from '@/components/ui/cn'

const noop = () => () => {}

/** The viewer's IANA zone; null during the server render and hydration (so both render the same). */
export function useViewerTimeZone(): string | null {
  return useSyncExternalStore(
    noop,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  )
}

/** "Sun 28 Mar, 03:00" in the given zone. */
export function formatInZone(date: string | Date, timeZone: string, withYear = false): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(typeof date === 'string' ? new Date(date) : date)
}

export function zoneLabel(timeZone: string): string {
  return timeZone.replace(/_/g, ' ')
}

/** "Kolkata", "New York": the city part, for tight spots (the full name is in the title). */
export function shortZone(timeZone: string): string {
  return zoneLabel(timeZone.split('/').pop() ?? timeZone)
}

/**
 * A fire time in the viewer's zone and, when it differs, in the schedule's zone too, e.g.
 * "Sun 28 Mar, 09:00 (your time) · 03:00 Europe/Berlin" with "in 5 h".
 */
export function ZonedTime({
  date,
  timeZone,
  relative = true,
  className,
}: {
  date: string
  timeZone: string
  relative?: boolean
  className?: string
}) {
  const viewer = useViewerTimeZone()
  const shown = viewer ?? timeZone
  const differs = viewer !== null && viewer !== timeZone && formatInZone(date, viewer) !== formatInZone(date, timeZone)
  return (
    <span className={cn('inline-flex flex-col leading-tight whitespace-nowrap', className)}>
      <span className="tabular-nums text-slate-900">
        {formatInZone(date, shown)}
        {relative && (
          <span className="text-slate-500">
            {' '}
            · <RelativeTime date={date} />
          </span>
        )}
      </span>
      {differs && (
        <span className="text-xs text-slate-500 tabular-nums" title="In the schedule’s time zone">
          {formatInZone(date, timeZone)} {shortZone(timeZone)}
        </span>
      )}
      {viewer === null && <span className="text-xs text-slate-500">{zoneLabel(timeZone)}</span>}
    </span>
  )
}
