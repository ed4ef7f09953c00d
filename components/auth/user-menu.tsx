'use client'

import Link from 'next/link'
import { DropdownMenu } from 'radix-ui'
import { ChevronsUpDown, LogOut, UserRound } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ROLE_LABELS } from '@/lib/domain/roles'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import { authPost } from './auth-fetch'
import { useMe } from './me-provider'

const item =
  'flex cursor-default items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-slate-700 outline-none select-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900'

/** Who is signed in (name and role), with "Account" and "Sign out". */
export function UserMenu({ compact = false, onNavigate }: { compact?: boolean; onNavigate?: () => void }) {
  const me = useMe()
  const [signingOut, setSigningOut] = useState(false)
  const router = useRouter()
  const qc = useQueryClient()
  if (!me) return null

  async function signOut() {
    setSigningOut(true)
    try {
      await authPost('/sign-out')
    } finally {
      // Every cached query belonged to the person who just left.
      qc.clear()
      router.replace('/sign-in')
      router.refresh()
    }
  }

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Account menu: ${me.name}, ${ROLE_LABELS[me.role]}`}
        className={cn(
          'flex items-center gap-2 rounded-md text-left text-sm text-slate-800 hover:bg-slate-200/60 focus-visible:outline-2 focus-visible:outline-blue-600',
          compact ? 'size-9 justify-center' : 'w-full px-2.5 py-2',
        )}
      >
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
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={compact ? 'end' : 'start'}
          side={compact ? 'bottom' : 'top'}
          sideOffset={6}
          className="z-50 w-60 rounded-lg bg-white p-1.5 shadow-lg ring-1 ring-slate-900/10"
        >
          <div className="px-2.5 py-2">
            <div className="flex items-center justify-between gap-2">
              <span className="truncate text-sm font-semibold text-slate-900">{me.name}</span>
              <Badge size="sm" tone="idle">
                {ROLE_LABELS[me.role]}
              </Badge>
            </div>
            <p className="truncate text-xs text-slate-500">{me.label}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild className={item}>
            <Link href="/account" onClick={onNavigate}>
              <UserRound aria-hidden="true" className="size-4 text-slate-500" />
              Account
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className={item}
            disabled={signingOut}
            onSelect={(e) => {
              e.preventDefault()
              void signOut()
            }}
          >
            <LogOut aria-hidden="true" className="size-4 text-slate-500" />
            {signingOut ? 'Signing out…' : 'Sign out'}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
