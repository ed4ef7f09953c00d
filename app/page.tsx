import type { Metadata } from 'next'
import { OverviewView } from '@/components/overview/overview-view'
import { listRuns } from '@/lib/db/runs'
import { allTags, listSites } from '@/lib/db/sites'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: { absolute: 'Overview · Stepwise' } }

async function load() {
  const [sites, activeRuns, recentRuns, tags] = await Promise.all([
    listSites(),
    listRuns({ status: ['queued', 'running'], limit: 200 }),
    listRuns({ limit: 100 }),
    allTags(),
  ])
  return { sites, activeRuns, recentRuns, tags, renderedAt: Date.now() }
}

export default async function OverviewPage() {
  return <OverviewView {...await load()} />
}
