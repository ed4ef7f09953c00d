'use client'

import { CloudOff, RotateCw } from 'lucide-react'
import { useEffect, useState } from 'react'
import { formatExact } from '@/lib/format/format'
import { cn } from './cn'

/** The part of a React Query result the banner reads (pass the whole `useQuery` result). */
export interface RefreshState {
  isError: boolean
  error: unknown
  data: unknown
  dataUpdatedAt: number
  isFetching: boolean
  refetch: () => unknown
}

const RETRY_MS = 10_000

/**
 * Says so when the data on screen could not be refreshed ("Showing data from 2 min ago — retrying")
 * instead of silently keeping it, and retries every 10 s until an answer comes. Renders nothing while
 * every query is fine. Give several queries when a view shows more than one.
 */
export function StaleBanner({
  query,
  queries,
  what = 'data',
  className,
}: {
  query?: RefreshState
  queries?: readonly RefreshState[]
  /** What is shown, e.g. "runs" → "Showing runs from 2 min ago". */
  what?: string
  className?: string
}) {
  const all = [...(query ? [query] : []), ...(queries ?? [])]
  const failed = all.filter((q) => q.isError)
  const hasFailed = failed.length > 0
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (!hasFailed) return
    const first = setTimeout(() => setNow(Date.now()), 0)
    const tick = setInterval(() => setNow(Date.now()), 5_000)
    return () => {
      clearTimeout(first)
      clearInterval(tick)
    }
  }, [hasFailed])

  // Keep retrying while it fails: the queries' own retry gives up after one more try.
  const refetchers = failed.map((q) => q.refetch)
  useEffect(() => {
    if (!hasFailed) return
    const retry = setInterval(() => refetchers.forEach((r) => r()), RETRY_MS)
    return () => clearInterval(retry)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasFailed, failed.length])

  if (!hasFailed) return null
  const withData = failed.filter((q) => q.data !== undefined && q.dataUpdatedAt > 0)
  const oldest = withData.length ? Math.min(...withData.map((q) => q.dataUpdatedAt)) : null
  const message = failed.map((q) => (q.error instanceof Error ? q.error.message : null)).find(Boolean)
  const fetching = failed.some((q) => q.isFetching)

  return (
    <div
      role="status"
      data-testid="stale-banner"
      className={cn(
        'flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-amber-300 bg-warn-bg px-3 py-2 text-sm text-warn-fg',
        className,
      )}
    >
      <CloudOff aria-hidden="true" className="size-4 shrink-0" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">
          {oldest != null ? (
            <>
              Could not refresh — showing {what} from{' '}
              <time dateTime={new Date(oldest).toISOString()} title={formatExact(new Date(oldest))}>
                {ago(Math.max(0, now - oldest))}
              </time>
            </>
          ) : (
            `Could not load the ${what}`
          )}
        </span>
        <span> — {fetching ? 'retrying now…' : 'retrying every 10 s'}</span>
        {message && <span className="block text-xs opacity-90 sm:inline sm:before:content-['_·_']">{message}</span>}
      </p>
      <button
        type="button"
        onClick={() => failed.forEach((q) => q.refetch())}
        disabled={fetching}
        className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium underline-offset-2 hover:underline disabled:opacity-60"
      >
        <RotateCw aria-hidden="true" className={cn('size-3.5', fetching && 'motion-safe:animate-spin')} />
        Retry
      </button>
    </div>
  )
}

function ago(ms: number): string {
  const sec = Math.round(ms / 1000)
  if (sec < 60) return `${Math.max(sec, 1)} s ago`
  const min = Math.round(sec / 60)
  if (min < 60) return `${min} min ago`
  const h = Math.round(min / 60)
  if (h < 48) return `${h} h ago`
  return `${Math.round(h / 24)} d ago`
}
