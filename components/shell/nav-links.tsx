'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useMe } from '@/components/auth/me-provider'
import { cn } from '@/components/ui/cn'
import { roleAllows } from '@/lib/domain/roles'
import { isActive, navItems } from './nav-items'

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname() ?? '/'
  const me = useMe()
  const items = navItems.filter((i) => !i.access || (me !== null && roleAllows(me.role, i.access)))
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map(({ href, label, icon: Icon }) => {
        const active = isActive(href, pathname)
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors',
                active
                  ? 'bg-white text-slate-900 shadow-xs ring-1 ring-slate-200'
                  : 'text-slate-600 hover:bg-slate-200/60 hover:text-slate-900',
              )}
            >
              <Icon
                aria-hidden="true"
                className={cn('size-4 shrink-0', active ? 'text-slate-900' : 'text-slate-500')}
              />
              {label}
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
