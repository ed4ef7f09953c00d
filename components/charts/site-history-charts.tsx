'use client'

// Per-site history: how long backups took and how big the archives were, over time.
// Usage: <SiteHistoryCharts siteId={site.id} /> fetches GET /api/runs?siteId= and
// GET /api/archives?siteId=; pass `runs` / `archives` (RunDto[] / ArchiveDto[]) to skip a fetch.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import dynamic from 'next/dynamic'
import { apiGet } from '@/lib/api/client-fetch'
import { archiveKeys, runKeys, siteKeys } from '@/lib/query-keys'
import type { ArchiveDto } from '@/lib/domain/archives'
import type { RunDto } from '@/lib/domain/runs'
import type { SiteDto } from '@/lib/domain/sites'
import { formatBytes, formatDuration } from '@/lib/format/format'
import { Panel } from '@/components/ui/panel'
import { toneHex } from '@/components/ui/tone'
import { useRuns } from '@/components/runs/use-runs'
import { durationAxis, durationPoints, sizeAxis, sizePoints, type SizePoint } from './history-points'
import type { Bar } from './time-bars'

const TimeBarsChart = dynamic(() => import('./time-bars'), { ssr: false })

export interface SiteHistoryChartsProps {
  siteId: string
  runs?: RunDto[]
  archives?: ArchiveDto[]
  className?: string
}

const stamp = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })

const chartKey = (siteId: string) => [...archiveKeys.all, 'chart', siteId] as const
const RUN_FILTER = (siteId: string) => ({ siteId, limit: '200' })

function useSiteArchives(siteId: string, given?: ArchiveDto[]) {
  return useQuery({
    queryKey: chartKey(siteId),
    queryFn: async () =>
      (await apiGet<{ archives: ArchiveDto[] }>(`/api/archives?siteId=${encodeURIComponent(siteId)}&limit=200`))
        .archives,
    initialData: given,
  })
}

/**
 * The charts follow the data without a reload: Refresh and archive changes invalidate every archive
 * query (this one included); a run ending or a sync finishing changes the site's record, and then
 * both chart queries are fetched again.
 */
function useFollowSite(siteId: string) {
  const qc = useQueryClient()
  const site = useQuery({
    queryKey: siteKeys.detail(siteId),
    queryFn: async () => (await apiGet<{ site: SiteDto }>(`/api/sites/${siteId}`)).site,
    enabled: false,
  }).data
  const signature = site ? `${site.archivesSyncedAt}|${site.lastRun?.id}|${site.lastRun?.finishedAt}` : null
  const prev = useRef(signature)
  useEffect(() => {
    if (signature === null || prev.current === signature) return
    prev.current = signature
    void qc.invalidateQueries({ queryKey: chartKey(siteId) })
    void qc.invalidateQueries({ queryKey: runKeys.list(RUN_FILTER(siteId)) })
    // The archive sync after a run lands a moment after the run ends: look at the site once more.
    const t = setTimeout(() => void qc.invalidateQueries({ queryKey: siteKeys.detail(siteId) }), 4_000)
    return () => clearTimeout(t)
  }, [signature, siteId, qc])
}

export function SiteHistoryCharts({
  siteId,
  runs: givenRuns,
  archives: givenArchives,
  className,
}: SiteHistoryChartsProps) {
  // Its own key (limit 200): never shares a cache entry with the site's shorter run list.
  const runsQ = useRuns(RUN_FILTER(siteId), { initial: givenRuns })
  const archivesQ = useSiteArchives(siteId, givenArchives)
  useFollowSite(siteId)
  const durations = durationPoints(runsQ.data ?? givenRuns ?? [])
  const sizes = sizePoints(archivesQ.data ?? givenArchives ?? [])
  const ok = durations.filter((p) => p.status === 'succeeded')
  const bad = durations.filter((p) => p.status !== 'succeeded')

  return (
    <div className={className ?? 'grid gap-6 lg:grid-cols-2'}>
      <Panel
        title="Backup duration"
        description={
          ok.length
            ? `Typical ${formatDuration(median(ok.map((p) => p.minutes * 60_000)))}`
            : 'Finished backups over time'
        }
      >
        {durations.length < 1 ? (
          <ChartEmpty text={runsQ.isPending ? 'Loading…' : 'Durations appear after the first backup finishes.'} />
        ) : (
          <TimeBars
            label={`Backup durations: ${ok.length} succeeded, ${bad.length} failed`}
            points={durations}
            value={(p) => p.minutes * 60}
            color={(p) => (p.status === 'succeeded' ? toneHex.ok : toneHex.bad)}
            yAxis={durationAxis(Math.max(...durations.map((p) => p.minutes * 60)))}
            yWidth={44}
            tip={(p) => [formatDuration(p.minutes * 60_000), `${stamp(p.at)} · ${p.status.replace('_', ' ')}`]}
            testId="duration-chart"
          />
        )}
        <Legend
          items={[
            { label: 'Succeeded', color: toneHex.ok },
            { label: 'Failed or timed out', color: toneHex.bad },
          ]}
        />
      </Panel>
      <Panel
        title="Archive size"
        description={sizes.length ? `Latest ${formatBytes(sizes.at(-1)!.bytes)}` : 'Complete archives over time'}
      >
        {sizes.length < 1 ? (
          <ChartEmpty
            text={archivesQ.isPending ? 'Loading…' : 'Sizes appear once the site lists a complete archive.'}
          />
        ) : (
          <TimeBars
            label={`Archive sizes of ${sizes.length} archives, latest ${formatBytes(sizes.at(-1)!.bytes)}`}
            points={sizes}
            value={(p) => p.bytes}
            color={() => '#64748b'}
            yAxis={sizeAxis(Math.max(...sizes.map((p) => p.bytes)))}
            yWidth={64}
            tip={(p: SizePoint) => [formatBytes(p.bytes), `${stamp(p.at)} · ${p.name}`]}
            testId="size-chart"
          />
        )}
      </Panel>
    </div>
  )
}

/**
 * One bar per real data point on a real time axis: no line between points, so nothing is invented
 * between two backups; ticks at distinct whole hours or days (history-points.ts timeAxis). The chart
 * library loads with the charts (time-bars.tsx), after the rest of the page.
 */
function TimeBars<P extends { at: number }>({
  label,
  points,
  value,
  color,
  yAxis,
  yWidth,
  tip,
  testId,
}: {
  label: string
  points: P[]
  value: (p: P) => number
  color: (p: P) => string
  yAxis: { ticks: number[]; label: (v: number) => string }
  yWidth: number
  tip: (p: P) => [string, string]
  testId: string
}) {
  const bars: Bar[] = points.map((p) => {
    const [head, sub] = tip(p)
    return { at: p.at, v: value(p), fill: color(p), head, sub }
  })
  return (
    <div className="h-56" role="img" aria-label={label} data-testid={testId} data-points={points.length}>
      <TimeBarsChart bars={bars} yAxis={yAxis} yWidth={yWidth} />
    </div>
  )
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function ChartEmpty({ text }: { text: string }) {
  return (
    <p className="flex h-56 items-center justify-center rounded-md border border-dashed border-slate-200 text-sm text-slate-500">
      {text}
    </p>
  )
}

function Legend({ items }: { items: { label: string; color: string }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 text-xs text-slate-600">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2 rounded-full" style={{ background: i.color }} />
          {i.label}
        </li>
      ))}
    </ul>
  )
}
