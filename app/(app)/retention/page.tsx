import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { listPolicies } from '@/lib/retention/policies'
import { listSites } from '@/lib/sites/list-sites'
import { RetentionView } from '@/components/retention/retention-view'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Retention' }

export default async function RetentionPage() {
  await pageActor('viewer', '/retention')
  const [policies, sites] = await Promise.all([listPolicies(), listSites()])
  return <RetentionView initialPolicies={policies} sites={sites} />
}
