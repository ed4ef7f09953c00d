'use client'

import Link from 'next/link'
import { CircleCheck, ShieldCheck } from 'lucide-react'
import { Badge, StateBadge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { formatDuration } from '@/lib/format/format'
import { Panel } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/time'
import { DemoBadge } from '@/components/ui/demo-badge'
import type { ProblemGroup, SummarySite } from './fleet-summary'

/**
 * Finished runs that failed or left warnings, one row per site and kind: a site that keeps failing is
 * one row with how many times and its first and last time, linking to the latest run.
 */
export function RecentProblems({ groups, demoSites }: { groups: ProblemGroup[]; demoSites: ReadonlySet<string> }) {
  return (
    <Panel
      title="Recent failures and warnings"
      description="Last 7 days, one row per site"
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
      {groups.length === 0 ? (
        <EmptyState
          bare
          icon={CircleCheck}
          className="py-8"
          title="No failures or warnings"
          description="Every backup in the last 7 days finished cleanly."
        />
      ) : (
        <ul className="divide-y divide-slate-100">
          {groups.map((g) => {
            const r = g.latest
            return (
              <li key={g.key} className="relative px-4 py-2.5 hover:bg-slate-50 sm:px-5" data-testid="problem-row">
                <div className="flex items-center justify-between gap-3">
                  <Link
                    href={`/runs/${r.id}`}
                    className="flex min-w-0 items-center gap-2 text-sm font-medium text-slate-900 after:absolute after:inset-0 hover:underline"
                  >
                    <span className="truncate">{g.siteName}</span>
                    {demoSites.has(g.siteId) && <DemoBadge />}
                  </Link>
                  <span className="flex shrink-0 items-center gap-1.5">
                    {g.count > 1 && (
                      <Badge tone={g.kind === 'failed' ? 'bad' : 'warn'} size="sm" title={`${g.count} runs in 7 days`}>
                        {g.count}×
                      </Badge>
                    )}
                    {g.kind === 'warnings' ? (
                      <Badge tone="warn" size="sm">
                        {g.warnings} warning{g.warnings > 1 ? 's' : ''}
                      </Badge>
                    ) : (
                      <StateBadge state={r.status} kind="run" size="sm" />
                    )}
                  </span>
                </div>
                <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
                  {g.count > 1 ? (
                    <span className="shrink-0">
                      {g.kind === 'failed' ? 'Failed' : 'Warnings'} {g.count} times · first{' '}
                      <RelativeTime date={g.firstAt} /> · last <RelativeTime date={g.lastAt} />
                    </span>
                  ) : (
                    <RelativeTime date={g.lastAt} className="shrink-0" />
                  )}
                  {r.errorMessage && g.kind === 'failed' && (
                    <span className="min-w-0 truncate" title={r.errorMessage}>
                      · {r.errorMessage}
                    </span>
                  )}
                </p>
              </li>
            )
          })}
        </ul>
      )}
    </Panel>
  )
}

const STALE_SHOWN = 10

/** Connected sites whose last good backup is older than their max age (or that never had one). */
export function StaleSites({ sites }: { sites: SummarySite[] }) {
  return (
    <Panel
      title="Last good backup too old"
      description="Older than the site’s max age, or none since it was added longer ago"
      padded={false}
    >
      {sites.length === 0 ? (
        <EmptyState
          bare
          icon={ShieldCheck}
          className="py-8"
          title="Every connected site is covered"
          description="Each has a good backup within its max age."
        />
      ) : (
        <>
          <ul className="divide-y divide-slate-100">
            {sites.slice(0, STALE_SHOWN).map((s) => (
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
          {sites.length > STALE_SHOWN && (
            <p className="border-t border-slate-100 px-4 py-2.5 text-sm text-slate-600 sm:px-5">
              And {sites.length - STALE_SHOWN} more:{' '}
              <Link href="/sites" className="font-medium text-blue-700 hover:underline">
                see every site
              </Link>
            </p>
          )}
        </>
      )}
    </Panel>
  )
}
