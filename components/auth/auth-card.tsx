import type { ReactNode } from 'react'
import { Card } from '@/components/ui/card'

/** The one card of the sign-in and setup pages. */
export function AuthCard({
  title,
  description,
  children,
}: {
  title: ReactNode
  description?: ReactNode
  children: ReactNode
}) {
  return (
    <Card className="p-6 sm:p-7">
      <h1 className="text-lg font-semibold tracking-tight text-slate-900">{title}</h1>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      <div className="mt-5">{children}</div>
    </Card>
  )
}

/** A form-level error (not tied to one field). */
export function FormError({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-bad-bg px-3 py-2 text-sm text-bad-fg">
      {children}
    </p>
  )
}
