import type { ReactNode } from 'react'
import { cn } from './cn'
import { clampPercent, formatPercent } from '@/lib/format/format'
import { stateMeta } from './states'
import { toneFill, type Tone } from './tone'

export interface ProgressBarProps {
  /** 0–100. `null` shows an empty track with "—" (e.g. queued). */
  value: number | null | undefined
  /** Tone by state key (run status), or set `tone` directly. `tone` wins. */
  state?: string
  tone?: Tone
  size?: 'sm' | 'lg'
  /** Visible label above the bar (lg) / accessible name (both). */
  label?: string
  /** Show the percent next to the label. Defaults to true for lg. */
  showPercent?: boolean
  /** Extra text on the right of the label row, e.g. "about 2 m left". */
  detail?: ReactNode
  /** Animated stripes; only while the run is really live. */
  live?: boolean
  className?: string
}

/**
 * Accessible progress bar. The track has a fixed size and the label row a fixed height with
 * tabular digits, so nothing around it moves when the value changes.
 */
export function ProgressBar({
  value,
  state,
  tone,
  size = 'sm',
  label,
  showPercent = size === 'lg',
  detail,
  live = false,
  className,
}: ProgressBarProps) {
  const resolved: Tone = tone ?? (state ? stateMeta(state, 'run').tone : 'live')
  const pct = value == null || !Number.isFinite(value) ? null : clampPercent(value)
  const text = formatPercent(pct)
  const showRow = size === 'lg' && (label || showPercent || detail)

  return (
    <div className={cn('w-full', className)}>
      {showRow && (
        <div className="mb-1.5 flex h-5 items-baseline justify-between gap-3 text-sm">
          <span className="flex min-w-0 items-baseline gap-2">
            {label && <span className="truncate font-medium text-slate-700">{label}</span>}
            {showPercent && <span className="font-semibold text-slate-900 tabular-nums">{text}</span>}
          </span>
          {detail && <span className="shrink-0 truncate text-slate-600 tabular-nums">{detail}</span>}
        </div>
      )}
      <div className="flex items-center gap-2">
        <div
          role="progressbar"
          aria-label={label ?? 'Progress'}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct == null ? undefined : Math.round(pct)}
          aria-valuetext={pct == null ? 'Not started' : text}
          className={cn('relative w-full overflow-hidden rounded-full bg-slate-200', size === 'lg' ? 'h-3' : 'h-1.5')}
        >
          <div
            className={cn(
              'h-full rounded-full transition-[width] duration-500 ease-out motion-reduce:transition-none',
              toneFill[resolved],
              live && 'bg-stripes motion-safe:animate-stripes',
            )}
            style={{ width: `${pct ?? 0}%` }}
          />
        </div>
        {size === 'sm' && showPercent && (
          <span className="w-9 shrink-0 text-right text-xs text-slate-600 tabular-nums">{text}</span>
        )}
      </div>
    </div>
  )
}
