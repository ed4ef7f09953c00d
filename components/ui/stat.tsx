import Link from 'next/link'
import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { cn } from './cn'
import { toneText, toneSoft, type Tone } from './tone'

export interface StatProps {
  label: string
  value: ReactNode
  /** Colours the number and icon; leave neutral ('idle') when the count is not a problem. */
  tone?: Tone
  icon?: LucideIcon
  /** A short line under the number, e.g. "of 412 sites". */
  hint?: ReactNode
  /** Makes the tile a link to the filtered list. */
  href?: string
  className?: string
}

/** A count tile for the overview. */
export function Stat({ label, value, tone = 'idle', icon: Icon, hint, href, className }: StatProps) {
  const body = (
    <>
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium text-slate-600">{label}</span>
        {Icon && (
          <span className={cn('flex size-7 items-center justify-center rounded-md ring-1 ring-inset', toneSoft[tone])}>
            <Icon aria-hidden="true" className="size-4" />
          </span>
        )}
      </div>
      <div className={cn('mt-2 text-2xl font-semibold tracking-tight tabular-nums', toneText[tone])}>{value}</div>
      {hint && <div className="mt-0.5 text-[13px] text-slate-600">{hint}</div>}
    </>
  )
  const box = cn('block rounded-lg border border-slate-200 bg-white p-4 shadow-xs', className)
  return href ? (
    <Link href={href} className={cn(box, 'transition-colors hover:border-slate-300 hover:bg-slate-50')}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  )
}
