'use client'

import { Panel } from '@/components/ui/panel'
import { Badge, type Tone } from '@/components/ui/badge'
import { RelativeTime } from '@/components/ui/time'
import type { ScheduleEvent, ScheduleSiteDto } from '@/lib/domain/schedules'

const LABELS: Record<string, { label: string; tone: Tone }> = {
  'schedule.skipped': { label: 'Skipped', tone: 'warn' },
  'schedule.missed': { label: 'Missed', tone: 'warn' },
  'schedule.catch_up': { label: 'Catch-up', tone: 'live' },
  'schedule.run_once_done': { label: 'Run once done', tone: 'idle' },
  'schedule.created': { label: 'Created', tone: 'idle' },
  'schedule.updated': { label: 'Edited', tone: 'idle' },
  'schedule.enabled': { label: 'Enabled', tone: 'ok' },
  'schedule.disabled': { label: 'Disabled', tone: 'idle' },
}

const fmt = (iso: unknown) =>
  typeof iso === 'string' ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : ''

function text(e: ScheduleEvent, siteName: (id: string | null) => string): string {
  const d = e.details
  switch (e.action) {
    case 'schedule.skipped':
      return `${siteName(e.siteId)}: ${String(d.reason ?? '')} — no second backup was queued.`
    case 'schedule.missed':
      return d.ranInstead
        ? `Stepwise was down: fires from ${fmt(d.first)} to ${fmt(d.last)} were skipped; one catch-up ran for ${fmt(d.ranInstead)}.`
        : `Stepwise was down: fires from ${fmt(d.first)} to ${fmt(d.last)} were older than the catch-up window; nothing ran.`
    case 'schedule.catch_up':
      return `Fire of ${fmt(e.scheduledFor)} ran late, as a catch-up after downtime.`
    case 'schedule.run_once_done':
      return 'Run-once schedule fired and disabled itself.'
    case 'schedule.created':
      return `${String(d.cron ?? '')} in ${String(d.timezone ?? '')}`
    case 'schedule.deleted':
      return `Deleted (${String(d.name ?? '')})`
    default:
      return [
        typeof d.reason === 'string' ? d.reason : '',
        d.cron ? `now ${String(d.cron)} in ${String(d.timezone)}` : '',
      ]
        .filter(Boolean)
        .join(' · ')
  }
}

/** What happened to this schedule besides runs: skips, misses, catch-ups, changes (who and why). */
export function ScheduleEvents({ events, sites }: { events: ScheduleEvent[]; sites: ScheduleSiteDto[] }) {
  const siteName = (id: string | null) => sites.find((s) => s.siteId === id)?.siteName ?? (id ? 'A removed site' : '')
  return (
    <Panel title="History" description="Skipped and missed fires, catch-ups and changes." padded={false}>
      {events.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600 sm:px-5">Nothing yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {events.map((e) => {
            const meta = LABELS[e.action] ?? { label: e.action.replace('schedule.', ''), tone: 'idle' as Tone }
            return (
              <li
                key={e.id}
                className="flex flex-col gap-1 px-4 py-2.5 sm:flex-row sm:items-start sm:gap-3 sm:px-5"
                data-testid="schedule-event"
              >
                <Badge tone={meta.tone} size="sm" className="self-start">
                  {meta.label}
                </Badge>
                <span className="min-w-0 flex-1 text-sm text-slate-800">{text(e, siteName)}</span>
                <span className="shrink-0 text-xs text-slate-500">
                  {e.actor && `${e.actor} · `}
                  <RelativeTime date={e.at} />
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </Panel>
  )
}
