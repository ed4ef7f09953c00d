import { TriangleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { cn } from './cn'

export interface WarningItem {
  id: string | number
  message: string
  /** Where it was raised, e.g. "Step 4 · Files". */
  context?: ReactNode
}

export interface WarningListProps {
  warnings: WarningItem[]
  title?: string
  /** Polite live region: new warnings are announced as they arrive. */
  live?: boolean
  className?: string
}

/** Amber list of backup warnings; grows in place (new items append, nothing above moves). */
export function WarningList({ warnings, title = 'Warnings', live = false, className }: WarningListProps) {
  if (warnings.length === 0) return null
  return (
    <section className={cn('rounded-lg border border-amber-200 bg-warn-bg', className)}>
      <h2 className="flex items-center gap-2 border-b border-amber-200 px-4 py-2.5 text-sm font-semibold text-warn-fg">
        <TriangleAlert aria-hidden="true" className="size-4 text-amber-600" />
        {title}
        <span className="rounded-full bg-amber-100 px-1.5 text-xs font-medium tabular-nums ring-1 ring-amber-300 ring-inset">
          {warnings.length}
        </span>
      </h2>
      <ol aria-live={live ? 'polite' : undefined} className="divide-y divide-amber-200/70">
        {warnings.map((w) => (
          <li key={w.id} className="px-4 py-2 text-sm">
            <p className="font-mono text-[13px] break-words text-amber-950">{w.message}</p>
            {w.context && <p className="mt-0.5 text-xs text-amber-800">{w.context}</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}
