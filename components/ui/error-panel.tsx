import { CircleX } from 'lucide-react'
import type { ReactNode } from 'react'
import { cn } from './cn'

export interface ErrorPanelProps {
  title: ReactNode
  /** The server's own words, shown verbatim in a monospace block. */
  message?: string | null
  /** A short "what to do" list. */
  advice?: ReactNode[]
  /** Extra lines under the title, e.g. "At step 7 · Database · 3 min ago". */
  meta?: ReactNode
  actions?: ReactNode
  /** Announce it to screen readers when it appears while the user watches (live run page). */
  announce?: boolean
  className?: string
}

/** Red panel for a failure: what failed, the server's words, and what to do next. */
export function ErrorPanel({ title, message, advice, meta, actions, announce, className }: ErrorPanelProps) {
  return (
    <section
      role={announce ? 'alert' : undefined}
      className={cn('rounded-lg border border-red-200 bg-bad-bg p-4 sm:p-5', className)}
    >
      <h2 className="flex items-start gap-2.5 text-[15px] font-semibold text-bad-fg">
        <CircleX aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-bad" />
        <span className="min-w-0">{title}</span>
      </h2>
      {/* Indented under the title on wide screens; full width on phones, where every column counts. */}
      <div className="sm:pl-[30px]">
        {meta && <div className="mt-0.5 text-sm text-red-900/80">{meta}</div>}
        {message && (
          <pre className="mt-3 max-h-64 overflow-auto rounded-md border border-red-200 bg-white px-3 py-2 font-mono text-[13px] leading-relaxed whitespace-pre-wrap break-words text-red-950">
            {message}
          </pre>
        )}
        {advice && advice.length > 0 && (
          <div className="mt-3">
            <h3 className="text-sm font-semibold text-red-950">What to do</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-red-950 marker:text-red-400">
              {advice.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          </div>
        )}
        {actions && <div className="mt-4 flex flex-wrap gap-2">{actions}</div>}
      </div>
    </section>
  )
}
