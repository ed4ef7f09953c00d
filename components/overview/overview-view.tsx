'use client'

import { useCan } from '@/components/auth/me-provider'
import { Plus } from 'lucide-react'
import { useMemo } from 'react'
import { ButtonLink } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { StaleBanner } from '@/components/ui/stale-banner'
import { ACTIVE_RUN_STATUSES } from '@/lib/domain/run-status'
import type { RunDto } from '@/lib/domain/runs'
import type { SiteDto } from '@/lib/domain/sites'
import { useRuns } from '@/components/runs/use-runs'
import { useNow } from '@/components/runs/use-now'
import { ActiveRuns } from './active-runs'
import { RecentProblems, StaleSites } from './attention-panels'
import { BulkBackupPanel } from './bulk-backup-panel'
import { FleetCoverage, FleetStats } from './fleet-stats'
import { groupProblems, summarize } from './fleet-summary'
import { OverviewEmpty } from './overview-empty'
import { useFleetSites } from './use-fleet-sites'

export interface OverviewViewProps {
  sites: SiteDto[]
  activeRuns: RunDto[]
  recentRuns: RunDto[]
  tags: string[]
  /** Server time of the render, so the first paint's numbers match on both sides. */
  renderedAt: number
}

const WEEK = 7 * 86_400_000
const ACTIVE_FILTER = { status: ACTIVE_RUN_STATUSES.join(','), limit: '200' }
const RECENT_FILTER = { limit: '100' }
const NONE: RunDto[] = []

export function OverviewView(props: OverviewViewProps) {
  const sitesQuery = useFleetSites(props.sites)
  const sites = sitesQuery.data
  const canAdd = useCan('admin')
  const canBackUp = useCan('operator')
  const activeQuery = useRuns(ACTIVE_FILTER, { initial: props.activeRuns, intervalMs: 1500 })
  const recentQuery = useRuns(RECENT_FILTER, { initial: props.recentRuns })
  const active = activeQuery.data ?? NONE
  const recent = recentQuery.data ?? NONE
  const clock = useNow(false)
  const now = clock ?? props.renderedAt

  const summary = useMemo(() => summarize(sites, now), [sites, now])
  const demoSites = useMemo(() => new Set(sites.filter((s) => s.isDemo).map((s) => s.id)), [sites])
  const liveRuns = useMemo(() => new Map([...recent, ...active].map((r) => [r.id, r] as const)), [recent, active])
  // One row per site and kind: a site failing every night is one row with a count.
  const problems = useMemo(() => groupProblems(recent, now, WEEK), [recent, now])
  // Oldest first: the queue order the runner follows.
  const inProgress = [...active].sort((a, b) =>
    a.status === b.status ? a.createdAt.localeCompare(b.createdAt) : a.status === 'running' ? -1 : 1,
  )

  return (
    <div className="space-y-6">
      <PageHeader
        className="mb-0"
        title="Overview"
        description="Whether every site has a good, recent backup, and what is running now."
        actions={
          canAdd && (
            <ButtonLink href="/sites/new" variant="secondary" icon={Plus}>
              Add site
            </ButtonLink>
          )
        }
      />
      <StaleBanner queries={[sitesQuery, activeQuery, recentQuery]} what="the overview" />
      {sites.length === 0 ? (
        <OverviewEmpty />
      ) : (
        <>
          <FleetCoverage summary={summary} />
          <FleetStats summary={summary} />
          <ActiveRuns runs={inProgress} demoSites={demoSites} />
          <div className="grid gap-6 lg:grid-cols-2">
            <RecentProblems groups={problems} demoSites={demoSites} />
            <StaleSites sites={summary.stale} />
          </div>
          {canBackUp && <BulkBackupPanel sites={sites} tags={props.tags} liveRuns={liveRuns} />}
        </>
      )}
    </div>
  )
}
