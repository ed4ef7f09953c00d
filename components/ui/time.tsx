'use client'

import { useSyncExternalStore } from 'react'
import { formatExact, formatRelative, formatUtc } from '@/lib/format/format'

/*
 * One shared clock for every <RelativeTime>, ticking every 15 s while any is mounted.
 * The server snapshot is null, so the server and the hydrating client both render the fixed
 * UTC text; the relative text appears right after hydration, without a mismatch warning.
 */
let now = Date.now()
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(listener: () => void) {
  listeners.add(listener)
  if (!timer) {
    now = Date.now()
    timer = setInterval(() => {
      now = Date.now()
      listeners.forEach((l) => l())
    }, 15_000)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

const getSnapshot = () => now
const getServerSnapshot = () => null

export interface RelativeTimeProps {
  /** ISO string, Date or epoch ms. Null renders a dash (or `fallback`). */
  date: string | number | Date | null | undefined
  fallback?: string
  className?: string
}

/** "12 min ago", with the exact local time on hover. */
export function RelativeTime({ date, fallback = '—', className }: RelativeTimeProps) {
  const clock = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
  if (date == null || date === '') return <span className={className}>{fallback}</span>
  const d = date instanceof Date ? date : new Date(date)
  if (Number.isNaN(d.getTime())) return <span className={className}>{fallback}</span>
  const iso = d.toISOString()
  return (
    <time dateTime={iso} title={clock == null ? formatUtc(d) : formatExact(d)} className={className}>
      {clock == null ? formatUtc(d) : formatRelative(d, clock)}
    </time>
  )
}
