'use client'

// Who is signed in, as the account menu's button shows it: drawn by the menu (user-menu-dropdown.tsx)
// and, until that has loaded, by its placeholder (user-menu.tsx).
import { ChevronsUpDown } from 'lucide-react'
import type { Me } from './me-provider'
import { ROLE_LABELS } from '@/lib/domain/roles'
import { cn } from '@/components/ui/cn'

export function userMenuButtonClasses(compact: boolean): string {
  return cn(
    'flex items-center gap-2 rounded-md text-left text-sm text-slate-800 hover:bg-slate-200/60 focus-visible:outline-2 focus-visible:outline-blue-600',
    compact ? 'size-9 justify-center' : 'w-full px-2.5 py-2',
  )
}

export function UserMenuFace({ me, compact }: { me: NonNullable<Me>; compact: boolean }) {
  return (
    <>
      {/* The initial is drawn by CSS, so the button's visible text is exactly "Name Role", which its
        label contains (axe: label-content-name-mismatch). */}
      <span
        aria-hidden="true"
        data-initial={me.name.slice(0, 1) || '?'}
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-900 text-xs font-semibold text-white uppercase before:content-[attr(data-initial)]"
      />
      {!compact && (
        <>
          <span className="min-w-0 flex-1">
            <span className="block truncate font-medium">{me.name}</span>{' '}
            {/* The space keeps the visible text "Name Role" inside the button's label (axe). */}
            <span className="block truncate text-xs text-slate-600">{ROLE_LABELS[me.role]}</span>
          </span>
          <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-slate-400" />
        </>
      )}
    </>
  )
}
