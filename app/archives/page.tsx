import type { Metadata } from 'next'
import { listArchivesFiltered } from '@/lib/archives/list-archives'
import { FleetArchives } from '@/components/archives/fleet-archives'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Archives' }

export default async function ArchivesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const sp = await searchParams
  const archives = await listArchivesFiltered({})
  return (
    <FleetArchives initialArchives={archives} initialSiteId={typeof sp.siteId === 'string' ? sp.siteId : undefined} />
  )
}
