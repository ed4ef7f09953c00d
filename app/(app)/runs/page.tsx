import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { Suspense } from 'react'
import { RunsView } from '@/components/runs/runs-view'
import { filterQuery, readRunsFilter, toApiFilter } from '@/components/runs/run-filter'
import { isRunStatus } from '@/lib/domain/run-status'
import type { RunFilter } from '@/lib/domain/runs'
import { listRuns } from '@/lib/runs/read-runs'
import { listSites } from '@/lib/sites/list-sites'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Runs' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function RunsPage({ searchParams }: Props) {
  await pageActor('viewer', '/runs')
  const filter = readRunsFilter(await searchParams)
  const api = toApiFilter(filter)
  const query: RunFilter = {
    siteId: api.siteId,
    status: api.status?.split(',').filter(isRunStatus),
    trigger: api.trigger,
    since: api.since ? new Date(api.since) : undefined,
    until: api.until ? new Date(api.until) : undefined,
    limit: 200,
  }
  const [runs, sites] = await Promise.all([listRuns(query), listSites()])
  return (
    <Suspense>
      <RunsView
        initialRuns={runs}
        initialQuery={filterQuery(filter)}
        sites={sites.map((s) => ({ id: s.id, name: s.name, isDemo: s.isDemo }))}
      />
    </Suspense>
  )
}
