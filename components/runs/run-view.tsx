'use client'

import { useCan } from '@/components/auth/me-provider'
import dynamic from 'next/dynamic'
import { useState } from 'react'
import { StateBadge } from '@/components/ui/badge'
import { domainLabel } from '@/lib/format/domains'
import { PageHeader } from '@/components/ui/page-header'
import { RelativeTime } from '@/components/ui/time'
import { WarningList } from '@/components/ui/warning-list'
import { Tabs } from '@/components/ui/tabs'
import { CancelRunButton } from './cancel-run-button'
import { DemoBadge } from '@/components/ui/demo-badge'
import { RunLivePanel } from './run-live-panel'
import { DownloadLogLink } from './download-log-link'
import { RunOutcome } from './run-outcome'
import { isActive, runMoment, triggerLabel } from './run-status'
import { StepTimeline } from './step-timeline'
import { useRunLive, type RunLive } from './use-run-live'
import { StaleBanner } from '@/components/ui/stale-banner'

// The log tab's viewer loads when the tab is first opened.
const RunLogViewer = dynamic(() => import('./run-log-viewer'), { ssr: false })

export interface RunViewProps {
  initial: RunLive
  pastDurationsMs: number[]
  /** The fleet's typical duration by backup type (lib/runs/fleet-typical.ts). */
  fleetTypicalMs?: Record<string, number>
  site: { id: string; name: string; isDemo: boolean; baseUrl: string; platform?: string | null } | null
}

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

      <Tabs
        label="Run details"
        value={tab}
        onValueChange={setTab}
        className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs"
        items={[
          {
            value: 'timeline',
            label: (
              <>
                Step timeline <span className="ml-1 text-slate-500 tabular-nums">{steps.length}</span>
              </>
            ),
            content: <StepTimeline steps={steps} />,
          },
          { value: 'log', label: 'Log', content: <RunLogViewer runId={run.id} live={live} /> },
        ]}
      />
    </div>
  )
}
