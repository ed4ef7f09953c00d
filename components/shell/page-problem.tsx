import { FileQuestion, type LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

/** The body of the 404 and error pages: what happened, in words, and the ways on. */
export function PageProblem({
  icon: Icon = FileQuestion,
  code,
  title,
  children,
  actions,
}: {
  icon?: LucideIcon
  code?: string
  title: string
  children?: ReactNode
  actions: ReactNode
}) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-16 text-center sm:py-24">
      <span className="flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-600">
        <Icon aria-hidden="true" className="size-6" />
      </span>
      {code && <p className="mt-4 text-sm font-semibold tracking-wide text-slate-500">{code}</p>}
      <h1 className="mt-1 text-xl font-semibold text-slate-900">{title}</h1>
      {children && <div className="mt-2 text-sm text-slate-600">{children}</div>}
      <div className="mt-6 flex flex-wrap justify-center gap-2">{actions}</div>
    </div>
  )
}
