import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { listArchivesFiltered } from '@/lib/archives/list-archives'
import { listSites } from '@/lib/sites/list-sites'
import { FleetArchives } from '@/components/archives/fleet-archives'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Archives' }

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '')

export default async function ArchivesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const sp = await searchParams
  await pageActor('viewer', '/archives')
  const [archives, sites] = await Promise.all([listArchivesFiltered({}), listSites()])
  return (
    <FleetArchives
      initialArchives={archives}
      initialSites={sites}
      initialFilter={{ siteId: one(sp.siteId), state: one(sp.state), q: one(sp.q), sort: one(sp.sort) }}
    />
  )
}
