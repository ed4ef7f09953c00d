import type { Metadata } from 'next'
import { OverviewView } from '@/components/overview/overview-view'
import { ACTIVE_RUN_STATUSES } from '@/lib/domain/run-status'
import { listRuns } from '@/lib/runs/read-runs'
import { listSites, listTags } from '@/lib/sites/list-sites'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: { absolute: 'Overview · Stepwise' } }

async function load() {
  const [sites, activeRuns, recentRuns, tags] = await Promise.all([
    listSites(),
    listRuns({ status: [...ACTIVE_RUN_STATUSES], limit: 200 }),
    listRuns({ limit: 100 }),
    listTags(),
  ])
  return { sites, activeRuns, recentRuns, tags, renderedAt: Date.now() }
}

export default async function OverviewPage() {
  return <OverviewView {...await load()} />
}
