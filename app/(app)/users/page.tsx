import type { Metadata } from 'next'
import { UsersView } from '@/components/users/users-view'
import { pageActor } from '@/lib/auth/page-access'
import { listUsers } from '@/lib/auth/users'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Users' }

export default async function UsersPage() {
  await pageActor('admin', '/users')
  return <UsersView initial={await listUsers()} />
}
