import type { Metadata } from 'next'
import { AccountView } from '@/components/account/account-view'
import { pageActor } from '@/lib/auth/page-access'
import { listUsers } from '@/lib/auth/users'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Account' }

export default async function AccountPage() {
  const actor = await pageActor('viewer', '/account')
  const user = (await listUsers()).find((u) => u.id === actor.id)
  return (
    <AccountView
      email={user?.email ?? actor.label}
      name={actor.name}
      role={actor.role}
      twoFactorEnabled={user?.twoFactorEnabled ?? false}
    />
  )
}
