import Link from 'next/link'
import { ChevronRight } from 'lucide-react'
import type { ReactNode } from 'react'
import { cn } from './cn'

export interface Breadcrumb {
  label: string
  href?: string
}

export interface PageHeaderProps {
  title: ReactNode
  description?: ReactNode
  /** Primary actions on the right; they wrap under the title on narrow screens. */
  actions?: ReactNode
  breadcrumbs?: Breadcrumb[]
  /** Something beside the title, e.g. a StateBadge. */
  meta?: ReactNode
  className?: string
}

export function PageHeader({ title, description, actions, breadcrumbs, meta, className }: PageHeaderProps) {
  return (
    <div className={cn('mb-6', className)}>
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label="Breadcrumb" className="mb-2">
          <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
            {breadcrumbs.map((b, i) => (
              <li key={`${b.label}-${i}`} className="flex items-center gap-1">
                {i > 0 && <ChevronRight aria-hidden="true" className="size-3.5 text-slate-400" />}
                {b.href ? (
                  <Link href={b.href} className="rounded-sm hover:text-slate-900 hover:underline">
                    {b.label}
                  </Link>
                ) : (
                  <span aria-current="page" className="text-slate-800">
                    {b.label}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-xl font-semibold tracking-tight break-words text-slate-900 sm:text-2xl">{title}</h1>
            {meta}
          </div>
          {description && <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </div>
  )
}
