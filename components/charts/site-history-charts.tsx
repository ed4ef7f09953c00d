'use client'

// Per-site history: how long backups took and how big the archives were, over time.
// Usage: <SiteHistoryCharts siteId={site.id} /> fetches GET /api/runs?siteId= and
// GET /api/archives?siteId=; pass `runs` / `archives` (RunDto[] / ArchiveDto[]) to skip a fetch.
import { useQuery } from '@tanstack/react-query'
import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts'
import { apiGet } from '@/lib/api/client-fetch'
import { archiveKeys } from '@/lib/query-keys'
import type { ArchiveDto } from '@/lib/domain/archives'
import type { RunDto } from '@/lib/domain/runs'
import { formatBytes, formatDuration } from '@/lib/format/format'
import { Panel } from '@/components/ui/panel'
import { toneHex } from '@/components/ui/tone'
import { useRuns } from '@/components/runs/use-runs'
import { durationPoints, sizePoints, type DurationPoint } from './history-points'

export interface SiteHistoryChartsProps {
  siteId: string
  runs?: RunDto[]
  archives?: ArchiveDto[]
  className?: string
}

const day = (ms: number) => new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
const stamp = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })

function useSiteArchives(siteId: string, given?: ArchiveDto[]) {
  return useQuery({
    queryKey: [...archiveKeys.all, 'chart', siteId] as const,
    queryFn: async () =>
      (await apiGet<{ archives: ArchiveDto[] }>(`/api/archives?siteId=${encodeURIComponent(siteId)}&limit=200`))
        .archives,
    enabled: !given,
    initialData: given,
  })
}

export function SiteHistoryCharts({
  siteId,
  runs: givenRuns,
  archives: givenArchives,
  className,
}: SiteHistoryChartsProps) {
  const runsQ = useRuns({ siteId, limit: '200' }, { initial: givenRuns, enabled: !givenRuns })
  const archivesQ = useSiteArchives(siteId, givenArchives)
  const durations = durationPoints(givenRuns ?? runsQ.data ?? [])
  const sizes = sizePoints(givenArchives ?? archivesQ.data ?? [])
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
          <ChartEmpty
            text={runsQ.isPending && !givenRuns ? 'Loading…' : 'Durations appear after the first backup finishes.'}
          />
        ) : (
          <div
            className="h-56"
            role="img"
            aria-label={`Backup durations: ${ok.length} succeeded, ${bad.length} failed`}
          >
            <ResponsiveContainer width="100%" height="100%">
              <ScatterChart margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
                <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
                <XAxis
                  dataKey="at"
                  type="number"
                  scale="time"
                  domain={['dataMin', 'dataMax']}
                  tickFormatter={day}
                  tick={{ fontSize: 12, fill: '#64748b' }}
                  padding={{ left: 12, right: 12 }}
                />
                <YAxis
                  dataKey="minutes"
                  type="number"
                  tick={{ fontSize: 12, fill: '#64748b' }}
                  tickFormatter={(m: number) => (m < 1 ? `${Math.round(m * 60)}s` : `${Math.round(m)}m`)}
                  width={44}
                />
                <ZAxis range={[36, 36]} />
                <Tooltip content={<DurationTip />} />
                <Scatter
                  name="Succeeded"
                  data={ok}
                  fill={toneHex.ok}
                  line={{ stroke: toneHex.ok, strokeOpacity: 0.5 }}
                  isAnimationActive={false}
                />
                <Scatter name="Failed" data={bad} fill={toneHex.bad} shape="cross" isAnimationActive={false} />
              </ScatterChart>
            </ResponsiveContainer>
          </div>
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
            text={
              archivesQ.isPending && !givenArchives
                ? 'Loading…'
                : 'Sizes appear once the site lists a complete archive.'
            }
          />
        ) : (
          <div className="h-56" role="img" aria-label={`Archive sizes, latest ${formatBytes(sizes.at(-1)!.bytes)}`}>
            <ResponsiveContainer width="100%" height="100%">
              <AreaChart data={sizes} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
                <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
                <XAxis
                  dataKey="at"
                  type="number"
                  scale="time"
                  domain={['dataMin', 'dataMax']}
                  tickFormatter={day}
                  tick={{ fontSize: 12, fill: '#64748b' }}
                  padding={{ left: 12, right: 12 }}
                />
                <YAxis
                  dataKey="bytes"
                  tickFormatter={(b: number) => formatBytes(b)}
                  tick={{ fontSize: 12, fill: '#64748b' }}
                  width={64}
                />
                <Tooltip labelFormatter={(v) => stamp(Number(v))} formatter={(v) => [formatBytes(Number(v)), 'Size']} />
                <Area
                  type="monotone"
                  dataKey="bytes"
                  stroke="#475569"
                  fill="#cbd5e1"
                  fillOpacity={0.5}
                  dot={{ r: 3, fill: '#475569' }}
                  isAnimationActive={false}
                />
              </AreaChart>
            </ResponsiveContainer>
          </div>
        )}
      </Panel>
    </div>
  )
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function DurationTip({ active, payload }: { active?: boolean; payload?: readonly { payload?: DurationPoint }[] }) {
  const p = active ? payload?.[0]?.payload : undefined
  if (!p) return null
  return (
    <div className="rounded-md bg-white px-3 py-2 text-xs shadow-lg ring-1 ring-slate-200">
      <p className="font-medium text-slate-900">{formatDuration(p.minutes * 60_000)}</p>
      <p className="text-slate-600">
        {stamp(p.at)} · {p.status.replace('_', ' ')}
      </p>
    </div>
  )
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
