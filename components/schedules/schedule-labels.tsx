'use client'

import { CalendarOff, Server, Tag } from 'lucide-react'
import { Badge, StateBadge } from '@/components/ui/badge'
import { RelativeTime } from '@/components/ui/time'
import { DemoBadge } from '@/components/ui/demo-badge'
import type { ScheduleDto, SiteLastResult } from '@/lib/domain/schedules'

export function TargetLabel({ s }: { s: Pick<ScheduleDto, 'siteId' | 'siteName' | 'siteIsDemo' | 'tag' | 'sites'> }) {
  if (s.siteId) {
    return (
      <span className="inline-flex items-center gap-1.5">
        <Server aria-hidden="true" className="size-3.5 shrink-0 text-slate-500" />
        <span className="truncate">{s.siteName ?? s.siteId}</span>
        {s.siteIsDemo && <DemoBadge />}
      </span>
    )
  }
  return (
    <span className="inline-flex items-center gap-1.5">
      <Tag aria-hidden="true" className="size-3.5 shrink-0 text-slate-500" />
      <span className="truncate">
        tag <span className="font-medium">{s.tag}</span>
      </span>
      <span className="text-slate-500">
        · {s.sites.length} {s.sites.length === 1 ? 'site' : 'sites'}
      </span>
    </span>
  )
}

/** Enabled / Disabled with who and why (changedBy, changeReason, changedAt). */
export function EnabledState({ s, compact = false }: { s: ScheduleDto; compact?: boolean }) {
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      {s.enabled ? (
        <Badge tone="ok" size="sm" dot>
          {s.runOnce ? 'Enabled · once' : 'Enabled'}
        </Badge>
      ) : (
        <Badge tone="idle" size="sm" icon={CalendarOff}>
          Disabled
        </Badge>
      )}
      {(s.changedBy || s.changeReason) && (
        <span
          className={compact ? 'max-w-56 truncate text-xs text-slate-500' : 'text-xs text-slate-600'}
          title={s.changeReason ?? undefined}
        >
          {s.changeReason ?? ''} {s.changedBy ? `by ${s.changedBy}` : ''}
          {s.changedAt && (
            <>
              {' '}
              · <RelativeTime date={s.changedAt} />
            </>
          )}
        </span>
      )}
    </span>
  )
}

export function LastResultBadge({ last }: { last: SiteLastResult | null }) {
  if (!last) return <span className="text-sm text-slate-500">Not fired yet</span>
  if (last.kind === 'skipped') {
    const bad = last.reason.startsWith('not connected')
    return (
      <Badge tone={bad ? 'bad' : 'warn'} size="sm" title={last.reason}>
        Skipped: {last.reason}
      </Badge>
    )
  }
  return (
    <StateBadge
      state={last.status}
      kind="run"
      size="sm"
      live={last.status === 'running'}
      title={last.errorMessage ?? undefined}
    />
  )
}

/** "3 succeeded · 1 failed · 1 skipped" for a schedule over many sites. */
export function ResultSummary({ s }: { s: ScheduleDto }) {
  const counts = new Map<string, number>()
  for (const x of s.sites) {
    const k = !x.last ? 'none' : x.last.kind === 'skipped' ? 'skipped' : x.last.status
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  if (s.sites.length === 0) return <span className="text-sm text-slate-500">No sites</span>
  if (s.sites.length === 1) return <LastResultBadge last={s.sites[0].last} />
  if (counts.get('none') === s.sites.length) return <span className="text-sm text-slate-500">Not fired yet</span>
  const order = ['failed', 'timed_out', 'skipped', 'running', 'queued', 'succeeded', 'cancelled']
  return (
    <span className="flex flex-wrap gap-1">
      {order
        .filter((k) => counts.get(k))
        .map((k) =>
          k === 'skipped' ? (
            <Badge key={k} tone="warn" size="sm">
              {counts.get(k)} skipped
            </Badge>
          ) : (
            <StateBadge key={k} state={k} kind="run" size="sm" label={`${counts.get(k)} ${k.replace('_', ' ')}`} />
          ),
        )}
    </span>
  )
}
