import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { DeniedNotice } from '@/components/auth/denied-notice'
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

type Search = Promise<Record<string, string | string[] | undefined>>

export default async function OverviewPage({ searchParams }: { searchParams: Search }) {
  await pageActor('viewer', '/')
  const denied = (await searchParams).denied === '1'
  return (
    <>
      {denied && <DeniedNotice />}
      <OverviewView {...await load()} />
    </>
  )
}
