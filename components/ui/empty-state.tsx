import { Inbox, type LucideIcon } from 'lucide-react'
import { isValidElement, type ReactNode } from 'react'
import { ButtonLink } from './button'
import { cn } from './cn'

export interface EmptyStateProps {
  icon?: LucideIcon
  title: string
  /** One sentence: what this place is for and what to do next. */
  description?: ReactNode
  /** `{ label, href }` renders a primary link button; or pass your own element (e.g. a Button with onClick). */
  action?: { label: string; href: string; icon?: LucideIcon } | ReactNode
  /** Without a border, for use inside a Panel or a table. */
  bare?: boolean
  className?: string
}

export function EmptyState({ icon: Icon = Inbox, title, description, action, bare, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        'flex flex-col items-center px-6 py-12 text-center',
        !bare && 'rounded-lg border border-dashed border-slate-300 bg-white',
        className,
      )}
    >
      <span className="flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-500">
        <Icon aria-hidden="true" className="size-5" />
      </span>
      <h2 className="mt-3 text-[15px] font-semibold text-slate-900">{title}</h2>
      {description && <p className="mt-1 max-w-sm text-sm text-slate-600">{description}</p>}
      {action && <div className="mt-5">{renderAction(action)}</div>}
    </div>
  )
}

function renderAction(action: NonNullable<EmptyStateProps['action']>) {
  if (isLinkAction(action)) {
    return (
      <ButtonLink href={action.href} variant="primary" icon={action.icon}>
        {action.label}
      </ButtonLink>
    )
  }
  return action
}

function isLinkAction(a: unknown): a is { label: string; href: string; icon?: LucideIcon } {
  return !isValidElement(a) && typeof a === 'object' && a !== null && 'href' in a && 'label' in a
}
