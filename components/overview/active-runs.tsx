'use client'

import Link from 'next/link'
import { Activity } from 'lucide-react'
import { useState } from 'react'
import { ACTIVE_RUN_STATUSES } from '@/lib/domain/run-status'
import { StateBadge } from '@/components/ui/badge'
import { domainLabel } from '@/lib/format/domains'
import { EmptyState } from '@/components/ui/empty-state'
import { Panel } from '@/components/ui/panel'
import { ProgressBar } from '@/components/ui/progress-bar'
import type { RunDto } from '@/lib/domain/runs'
import { DemoBadge } from '@/components/ui/demo-badge'

const FIRST = 8

/** Runs queued or running, each with a live progress bar; a row links to the run page. */
export function ActiveRuns({ runs, demoSites }: { runs: RunDto[]; demoSites: ReadonlySet<string> }) {
  const running = runs.filter((r) => r.status === 'running').length
  // No scroll box inside the page: the first rows, then a button for the rest and a link to /runs.
  const [showAll, setShowAll] = useState(false)
  const shown = showAll ? runs : runs.slice(0, FIRST)
  return (
    <Panel
      title="In progress"
      id="in-progress"
      description={runs.length ? `${running} running, ${runs.length - running} waiting for a slot` : undefined}
      padded={false}
    >
      {runs.length === 0 ? (
        <EmptyState
          bare
          icon={Activity}
          className="py-8"
          title="Nothing running right now"
          description="Backups you start, and scheduled ones, show here with their progress."
        />
      ) : (
        <>
          <ul className="divide-y divide-slate-100">
            {shown.map((r) => (
              <li key={r.id} className="relative px-4 py-3 hover:bg-slate-50 sm:px-5">
                <div className="flex items-center justify-between gap-3">
                  <Link
                    href={`/runs/${r.id}`}
                    className="flex min-w-0 items-center gap-2 font-medium text-slate-900 after:absolute after:inset-0 hover:underline"
                  >
                    <span className="truncate">{r.siteName}</span>
                    {demoSites.has(r.siteId) && <DemoBadge />}
                  </Link>
                  <StateBadge state={r.status} kind="run" live={r.status === 'running'} size="sm" />
                </div>
                <div className="mt-2 flex items-center gap-3">
                  <ProgressBar
                    value={r.status === 'queued' ? null : r.progress}
                    state={r.status}
                    live={r.status === 'running'}
                    showPercent
                    label={`${r.siteName} progress`}
                  />
                </div>
                <p className="mt-1 h-4 truncate text-xs text-slate-500">
                  {r.status === 'queued'
                    ? 'Waiting to start'
                    : [domainLabel(r.domain) || 'Starting', r.step].filter(Boolean).join(' · ')}
                </p>
              </li>
            ))}
          </ul>
          {runs.length > FIRST && (
            <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-2.5 text-sm sm:px-5">
              <button
                type="button"
                onClick={() => setShowAll((v) => !v)}
                aria-expanded={showAll}
                className="rounded font-medium text-slate-700 hover:text-slate-900 hover:underline"
              >
                {showAll ? 'Show fewer' : `Show all ${runs.length}`}
              </button>
              <Link
                href={`/runs?status=${ACTIVE_RUN_STATUSES.join(',')}`}
                className="rounded text-slate-600 hover:text-slate-900 hover:underline"
              >
                Open in Runs
              </Link>
            </div>
          )}
        </>
      )}
    </Panel>
  )
}
