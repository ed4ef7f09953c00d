import type { ReactNode } from 'react'
import { cn } from './cn'

export interface PanelProps {
  title: ReactNode
  description?: ReactNode
  /** Buttons or links on the right of the title. */
  actions?: ReactNode
  /** Give one when the section should be a named landmark (used for aria-labelledby). */
  id?: string
  /** Set false for edge-to-edge content such as a DataTable. */
  padded?: boolean
  className?: string
  children: ReactNode
}

/**
 * A titled section of a page. overflow-clip (not hidden) rounds the corners without making a scroll
 * box, so a table's sticky header follows the window; min-w-0 keeps a wide table from stretching a
 * grid or flex parent (it scrolls sideways inside instead).
 */
export function Panel({ title, description, actions, id, padded = true, className, children }: PanelProps) {
  const headingId = id ? `${id}-title` : undefined
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cn('min-w-0 overflow-clip rounded-lg border border-slate-200 bg-white shadow-xs', className)}
    >
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-3 sm:px-5">
        <div className="min-w-0">
          <h2 id={headingId} className="text-[15px] font-semibold text-slate-900">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </header>
      <div className={cn(padded && 'px-4 py-4 sm:px-5')}>{children}</div>
    </section>
  )
}
