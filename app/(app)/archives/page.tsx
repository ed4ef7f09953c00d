import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
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
  await pageActor('viewer', '/archives')
  const archives = await listArchivesFiltered({})
  return (
    <FleetArchives initialArchives={archives} initialSiteId={typeof sp.siteId === 'string' ? sp.siteId : undefined} />
  )
}
