'use client'

import { useCan } from '@/components/auth/me-provider'
import { Tabs } from 'radix-ui'
import { useState } from 'react'
import { StateBadge } from '@/components/ui/badge'
import { domainLabel } from '@/lib/format/domains'
import { PageHeader } from '@/components/ui/page-header'
import { RelativeTime } from '@/components/ui/time'
import { WarningList } from '@/components/ui/warning-list'
import { cn } from '@/components/ui/cn'
import { CancelRunButton } from './cancel-run-button'
import { DemoBadge } from '@/components/ui/demo-badge'
import { RunLivePanel } from './run-live-panel'
import { DownloadLogLink, RunLogViewer } from './run-log-viewer'
import { RunOutcome } from './run-outcome'
import { isActive, runMoment, triggerLabel } from './run-status'
import { StepTimeline } from './step-timeline'
import { useRunLive, type RunLive } from './use-run-live'
import { StaleBanner } from '@/components/ui/stale-banner'

export interface RunViewProps {
  initial: RunLive
  pastDurationsMs: number[]
  /** The fleet's typical duration by backup type (lib/runs/fleet-typical.ts). */
  fleetTypicalMs?: Record<string, number>
  site: { id: string; name: string; isDemo: boolean; baseUrl: string; platform?: string | null } | null
}

const tabClass = cn(
  '-mb-px border-b-2 border-transparent px-3 py-2.5 text-sm font-medium text-slate-600 hover:text-slate-900',
  'data-[state=active]:border-slate-900 data-[state=active]:text-slate-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600',
)

/** The live run page: progress, outcome, warnings, then the step timeline and the log. */
export function RunView({ initial, pastDurationsMs, fleetTypicalMs, site }: RunViewProps) {
  const liveQuery = useRunLive(initial)
  const { data } = liveQuery
  const { run, steps } = data
  const live = isActive(run.status)
  const canCancel = useCan('operator')
  const [tab, setTab] = useState('timeline')
  const moment = runMoment(run)

  const warnings = steps.flatMap((s) =>
    s.warnings.map((message, i) => ({
      id: `${s.seq}-${i}`,
      message,
      context: [s.stepNumber !== null ? `Step ${s.stepNumber}` : s.call, domainLabel(s.domain)]
        .filter(Boolean)
        .join(' · '),
    })),
  )

  return (
    <div className="space-y-6">
      <StaleBanner query={liveQuery} what="this run" />
      <PageHeader
        className="mb-0"
        breadcrumbs={[
          { label: 'Runs', href: '/runs' },
          { label: run.siteName, href: `/sites/${run.siteId}` },
          { label: 'Backup' },
        ]}
        title={`Backup of ${run.siteName}`}
        meta={
          <>
            <StateBadge
              state={run.status}
              kind="run"
              live={live}
              label={run.cancelRequested && live ? 'Cancelling' : undefined}
            />
            {site?.isDemo && <DemoBadge size="md" />}
          </>
        }
        description={
          <>
            {triggerLabel(run.trigger)} backup{site ? ` of ${site.baseUrl.replace(/^https?:\/\//, '')}` : ''}
            {run.requestedBy ? ` by ${run.requestedBy}` : ''}, {moment.verb} <RelativeTime date={moment.at} />
            {run.description ? ` — “${run.description}”` : ''}
          </>
        }
        actions={
          <>
            <DownloadLogLink runId={run.id} size="md" />
            {live && !run.cancelRequested && canCancel && <CancelRunButton run={run} />}
          </>
        }
      />

      <RunLivePanel
        run={run}
        stepCount={steps.length}
        pastDurationsMs={pastDurationsMs}
        fleetTypicalMs={fleetTypicalMs}
      />
      <RunOutcome
        run={run}
        steps={steps}
        site={site ? { baseUrl: site.baseUrl, platform: site.platform ?? null } : null}
      />
      <WarningList warnings={warnings} live={live} title="Warnings from the site" />

      <Tabs.Root
        value={tab}
        onValueChange={setTab}
        className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs"
      >
        <Tabs.List aria-label="Run details" className="flex gap-1 border-b border-slate-200 px-2 sm:px-3">
          <Tabs.Trigger value="timeline" className={tabClass}>
            Step timeline <span className="ml-1 text-slate-500 tabular-nums">{steps.length}</span>
          </Tabs.Trigger>
          <Tabs.Trigger value="log" className={tabClass}>
            Log
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="timeline" className="focus-visible:outline-none">
          <StepTimeline steps={steps} />
        </Tabs.Content>
        <Tabs.Content value="log" className="focus-visible:outline-none">
          {tab === 'log' && <RunLogViewer runId={run.id} live={live} />}
        </Tabs.Content>
      </Tabs.Root>
    </div>
  )
}
