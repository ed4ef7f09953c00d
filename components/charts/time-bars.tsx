'use client'

// The bars of a site history chart (recharts), loaded with the charts rather than with the page
// (site-history-charts.tsx draws the panel, its label and legend meanwhile).
import { useEffect, useState } from 'react'
import { Bar as RBar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { timeAxis } from './history-points'

/** One data point: its time, value, colour and the two lines of its tooltip. */
export interface Bar {
  at: number
  v: number
  fill: string
  head: string
  sub: string
}

export default function TimeBarsChart({
  bars,
  yAxis,
  yWidth,
}: {
  bars: Bar[]
  yAxis: { ticks: number[]; label: (v: number) => string }
  yWidth: number
}) {
  const narrow = useNarrow()
  const axis = timeAxis(
    bars.map((p) => p.at),
    narrow ? 3 : 6,
  )
  const barSize = Math.max(3, Math.min(16, Math.floor(360 / Math.max(1, bars.length) / 1.6)))
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bars} margin={{ top: 8, right: 12, bottom: 0, left: -8 }} barSize={barSize}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={axis.label}
          allowDataOverflow
          tick={{ fontSize: 12, fill: '#64748b' }}
        />
        <YAxis
          domain={[0, yAxis.ticks.at(-1)!]}
          ticks={yAxis.ticks}
          tickFormatter={yAxis.label}
          tick={{ fontSize: 12, fill: '#64748b' }}
          width={yWidth}
        />
        <Tooltip
          cursor={{ fill: '#f1f5f9' }}
          content={({ active, payload }) => {
            const p = active ? (payload?.[0]?.payload as Bar | undefined) : undefined
            if (!p) return null
            return (
              <div className="rounded-md bg-white px-3 py-2 text-xs shadow-lg ring-1 ring-slate-200">
                <p className="font-medium text-slate-900">{p.head}</p>
                <p className="text-slate-600">{p.sub}</p>
              </div>
            )
          }}
        />
        <RBar dataKey="v" isAnimationActive={false} radius={[2, 2, 0, 0]}>
          {bars.map((p, i) => (
            <Cell key={i} fill={p.fill} />
          ))}
        </RBar>
      </BarChart>
    </ResponsiveContainer>
  )
}

/** Phone width: fewer time ticks, so their labels never run into each other. */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false)
  useEffect(() => {
    const mq = window.matchMedia('(max-width: 639.98px)')
    const update = () => setNarrow(mq.matches)
    update()
    mq.addEventListener('change', update)
    return () => mq.removeEventListener('change', update)
  }, [])
  return narrow
}
