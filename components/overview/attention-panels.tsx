'use client'

import Link from 'next/link'
import { CircleCheck, ShieldCheck } from 'lucide-react'
import { Badge, StateBadge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { formatDuration } from '@/lib/format/format'
import { Panel } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/time'
import type { RunDto } from '@/lib/domain/runs'
import { DemoBadge } from '@/components/ui/demo-badge'
import type { SummarySite } from './fleet-summary'

/** Finished runs that failed or left warnings, newest first. */
export function RecentProblems({ runs, demoSites }: { runs: RunDto[]; demoSites: ReadonlySet<string> }) {
  return (
    <Panel
      title="Recent failures and warnings"
      description="Last 7 days"
      padded={false}
      actions={
        <Link
          href="/runs?status=failed,timed_out"
          className="text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline"
        >
          All failures
        </Link>
      }
    >
      {runs.length === 0 ? (
        <EmptyState
          bare
          icon={CircleCheck}
          className="py-8"
          title="No failures or warnings"
          description="Every backup in the last 7 days finished cleanly."
        />
      ) : (
        <ul className="max-h-[24rem] divide-y divide-slate-100 overflow-auto">
          {runs.map((r) => (
            <li key={r.id} className="relative px-4 py-2.5 hover:bg-slate-50 sm:px-5">
              <div className="flex items-center justify-between gap-3">
                <Link
                  href={`/runs/${r.id}`}
                  className="flex min-w-0 items-center gap-2 text-sm font-medium text-slate-900 after:absolute after:inset-0 hover:underline"
                >
                  <span className="truncate">{r.siteName}</span>
                  {demoSites.has(r.siteId) && <DemoBadge />}
                </Link>
                {r.status === 'succeeded' ? (
                  <Badge tone="warn" size="sm">
                    {r.warningsCount} warning{r.warningsCount > 1 ? 's' : ''}
                  </Badge>
                ) : (
                  <StateBadge state={r.status} kind="run" size="sm" />
                )}
              </div>
              <p className="mt-0.5 flex gap-2 text-xs text-slate-500">
                <RelativeTime date={r.finishedAt ?? r.createdAt} className="shrink-0" />
                {r.errorMessage && r.status !== 'succeeded' && (
                  <span className="truncate" title={r.errorMessage}>
                    · {r.errorMessage}
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}

/** Connected sites whose last good backup is older than their max age (or that never had one). */
export function StaleSites({ sites }: { sites: SummarySite[] }) {
  return (
    <Panel title="Last good backup too old" description="Older than the site’s max age, or none yet" padded={false}>
      {sites.length === 0 ? (
        <EmptyState
          bare
          icon={ShieldCheck}
          className="py-8"
          title="Every connected site is covered"
          description="Each has a good backup within its max age."
        />
      ) : (
        <ul className="max-h-[24rem] divide-y divide-slate-100 overflow-auto">
          {sites.map((s) => (
            <li
              key={s.id}
              className="relative flex items-center justify-between gap-3 px-4 py-2.5 hover:bg-slate-50 sm:px-5"
            >
              <span className="min-w-0">
                <Link
                  href={`/sites/${s.id}`}
                  className="flex items-center gap-2 text-sm font-medium text-slate-900 after:absolute after:inset-0 hover:underline"
                >
                  <span className="truncate">{s.name}</span>
                  {s.isDemo && <DemoBadge />}
                </Link>
                <span className="text-xs text-slate-500">
                  Last good: <RelativeTime date={s.lastSuccessAt} fallback="never" /> · max age{' '}
                  {formatDuration(s.maxBackupAgeHours * 3_600_000)}
                </span>
              </span>
              <StateBadge state={s.backupState} kind="site" size="sm" />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}
