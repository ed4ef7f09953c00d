'use client'

import Link from 'next/link'
import { DropdownMenu } from 'radix-ui'
import { LogOut, UserRound } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ROLE_LABELS } from '@/lib/domain/roles'
import { Badge } from '@/components/ui/badge'
import { authPost } from './auth-fetch'
import { useMe } from './me-provider'
import { UserMenuFace, userMenuButtonClasses } from './user-menu-face'

const item =
  'flex cursor-default items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-slate-700 outline-none select-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900'

/** Who is signed in (name and role), with "Account" and "Sign out" (Radix DropdownMenu). */
export default function UserMenuDropdown({
  compact = false,
  onNavigate,
}: {
  compact?: boolean
  onNavigate?: () => void
}) {
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
        className={userMenuButtonClasses(compact)}
      >
        <UserMenuFace me={me} compact={compact} />
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
