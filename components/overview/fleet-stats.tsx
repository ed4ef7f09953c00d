import { Activity, CircleCheck, CircleDashed, CircleX, History, Unplug } from 'lucide-react'
import { Stat } from '@/components/ui/stat'
import { siteBackupStateMeta } from '@/components/ui/badge'
import type { SiteBackupState } from '@/lib/domain/site-state'
import { toneFill, type Tone } from '@/components/ui/tone'
import { cn } from '@/components/ui/cn'
import type { FleetSummary } from './fleet-summary'

const ORDER: SiteBackupState[] = [
  'ok',
  'running',
  'too_old',
  'failed',
  'not_connected',
  'no_api',
  'never',
  'obsolete',
  'unknown',
]

/** The share of sites backed up within their max age, with the fleet's states as one stacked bar. */
export function FleetCoverage({ summary }: { summary: FleetSummary }) {
  const share = summary.freshShare ?? 0
  const tone: Tone = share >= 99.5 ? 'ok' : share >= 80 ? 'warn' : 'bad'
  const parts = ORDER.map((s) => ({ state: s, n: summary.byState[s] ?? 0 })).filter((p) => p.n > 0)
  return (
    <section
      aria-labelledby="coverage-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="coverage-title" className="text-sm font-medium text-slate-600">
          Backed up within their max age
        </h2>
        <p className="text-sm text-slate-600 tabular-nums">
          <span
            className={cn(
              'text-2xl font-semibold tracking-tight',
              tone === 'ok' ? 'text-ok-fg' : tone === 'warn' ? 'text-warn-fg' : 'text-bad-fg',
            )}
          >
            {Math.round(share)}%
          </span>{' '}
          {summary.fresh} of {summary.total} site{summary.total === 1 ? '' : 's'}
        </p>
      </div>
      <div
        className="mt-3 flex h-3 w-full overflow-hidden rounded-full bg-slate-200"
        role="img"
        aria-label={parts.map((p) => `${p.n} ${siteBackupStateMeta[p.state].label}`).join(', ')}
      >
        {parts.map((p) => (
          <div
            key={p.state}
            className={cn('h-full transition-[width] duration-500', toneFill[siteBackupStateMeta[p.state].tone])}
            style={{ width: `${(p.n / summary.total) * 100}%` }}
            title={`${p.n} ${siteBackupStateMeta[p.state].label}`}
          />
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {parts.map((p) => (
          <li key={p.state} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={cn('size-2 rounded-full', toneFill[siteBackupStateMeta[p.state].tone])}
            />
            {siteBackupStateMeta[p.state].label} <span className="tabular-nums">{p.n}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Counts by backup state, in the state colours. A zero problem count stays neutral. */
export function FleetStats({ summary }: { summary: FleetSummary }) {
  const n = (s: string) => summary.byState[s] ?? 0
  const failing = n('failed')
  const unreachable = n('not_connected') + n('no_api')
  const never = n('never') + n('unknown')
  // A good backup whose files are gone needs a new one, like a too old one: never "never backed up".
  const stale = n('too_old') + n('obsolete')
  return (
    <section aria-label="Sites by backup state" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      <Stat label="Backed up" value={n('ok')} tone="ok" icon={CircleCheck} hint="last backup good" />
      <Stat
        label="Running"
        value={n('running')}
        tone={n('running') ? 'live' : 'idle'}
        icon={Activity}
        hint="backing up now"
      />
      <Stat
        label="Too old"
        value={stale}
        tone={stale ? 'warn' : 'idle'}
        icon={History}
        hint={n('obsolete') ? `past their max age, or files removed (${n('obsolete')})` : 'past their max age'}
      />
      <Stat label="Failed" value={failing} tone={failing ? 'bad' : 'idle'} icon={CircleX} hint="last backup failed" />
      <Stat
        label="Not connected"
        value={unreachable}
        tone={unreachable ? 'bad' : 'idle'}
        icon={Unplug}
        hint="API unreachable"
      />
      <Stat label="Never backed up" value={never} tone="idle" icon={CircleDashed} hint="no good backup yet" />
    </section>
  )
}
