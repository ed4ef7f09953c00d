import type { Metadata } from 'next'
import { AuditView } from '@/components/audit/audit-view'
import { readAuditFilter } from '@/components/audit/audit-filter'
import { pageActor } from '@/lib/auth/page-access'
import { listSites } from '@/lib/sites/list-sites'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Audit' }

type Search = Promise<Record<string, string | string[] | undefined>>

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  await pageActor('admin', '/audit')
  const filter = readAuditFilter(await searchParams)
  const sites = (await listSites())
    .map((s) => ({ id: s.id, name: s.name }))
    .sort((a, b) => a.name.localeCompare(b.name))
  return <AuditView key={JSON.stringify(filter)} filter={filter} sites={sites} />
}
