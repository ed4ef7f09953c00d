import type { Metadata } from 'next'
import { OverviewView } from '@/components/overview/overview-view'
import { listRuns } from '@/lib/db/runs'
import { allTags, listSites } from '@/lib/db/sites'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Overview' }

export default async function OverviewPage() {
  const [sites, activeRuns, recentRuns, tags] = await Promise.all([
    listSites(),
    listRuns({ status: ['queued', 'running'], limit: 200 }),
    listRuns({ limit: 100 }),
    allTags(),
  ])
  return <OverviewView sites={sites} activeRuns={activeRuns} recentRuns={recentRuns} tags={tags} renderedAt={Date.now()} />
}
