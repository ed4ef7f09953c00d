import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { listSites } from '@/lib/sites/list-sites'
import { SitesList } from '@/components/sites/sites-list'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Sites' }

type Search = Promise<Record<string, string | string[] | undefined>>

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined)

export default async function SitesPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams
  await pageActor('viewer', '/sites')
  const sites = await listSites()
  return (
    <SitesList
      initialSites={sites}
      initialFilter={{ state: one(sp.state), tag: one(sp.tag), hostGroup: one(sp.hostGroup), q: one(sp.q) }}
    />
  )
}
