'use client'

import { useCan } from '@/components/auth/me-provider'
import { CalendarClock, Plus } from 'lucide-react'
import { DataTable, type Column } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { ButtonLink } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { Card } from '@/components/ui/card'
import { RelativeTime } from '@/components/ui/time'
import { ErrorPanel } from '@/components/ui/error-panel'
import type { ScheduleDto } from '@/lib/domain/schedules'
import { EnabledState, ResultSummary, TargetLabel } from './schedule-labels'
import { useSchedules } from './use-schedules'
import { ZonedTime } from './zoned-time'
import { ScheduleRowActions } from './schedule-row-actions'
import { StaleBanner } from '@/components/ui/stale-banner'

const columns: Column<ScheduleDto>[] = [
  {
    key: 'name',
    header: 'Schedule',
    sortValue: (s) => s.name,
    cell: (s) => (
      <span className="flex min-w-0 flex-col">
        <span className="truncate">{s.name}</span>
        <span className="text-xs font-normal text-slate-600">{s.cronText}</span>
        {s.enabled && s.nextFireAt && (
          <span className="text-xs font-normal text-slate-600 sm:hidden">
            Next: <RelativeTime date={s.nextFireAt} />
          </span>
        )}
        {s.cronText !== s.cron && (
          <span className="font-mono text-xs font-normal whitespace-nowrap text-slate-500">{s.cron}</span>
        )}
      </span>
    ),
  },
  {
    key: 'target',
    header: 'Target',
    sortValue: (s) => s.siteName ?? s.tag,
    cell: (s) => <TargetLabel s={s} />,
    hideBelow: 'md',
  },
  {
    key: 'next',
    header: 'Next fire',
    sortValue: (s) => s.nextFireAt,
    hideBelow: 'sm',
    cell: (s) =>
      s.enabled && s.nextFireAt ? (
        <span className="flex flex-col gap-0.5">
          <ZonedTime date={s.nextFireAt} timeZone={s.timezone} />
          {s.staggerMinutes > 0 && <span className="text-xs text-slate-500">spread over {s.staggerMinutes} min</span>}
        </span>
      ) : (
        <span className="text-slate-500">—</span>
      ),
  },
  {
    key: 'state',
    header: 'State',
    sortValue: (s) => s.enabled,
    cell: (s) => <EnabledState s={s} compact />,
    hideBelow: 'sm',
  },
  { key: 'last', header: 'Last result', cell: (s) => <ResultSummary s={s} />, hideBelow: 'md' },
  {
    key: 'actions',
    header: <span className="sr-only">Actions</span>,
    align: 'right',
    interactive: true,
    cell: (s) => <ScheduleRowActions s={s} />,
  },
]

export function SchedulesView({ initial }: { initial: ScheduleDto[] }) {
  const q = useSchedules({}, initial)
  const schedules = q.data ?? []
  const canEdit = useCan('admin')
  return (
    <>
      <PageHeader
        title="Schedules"
        description="Backups that start by themselves: per site or for every site with a tag, in the time zone you choose."
        actions={
          canEdit && (
            <ButtonLink href="/schedules/new" variant="primary" icon={Plus}>
              New schedule
            </ButtonLink>
          )
        }
      />
      {q.error && !q.data && <ErrorPanel className="mb-4" title="Could not load schedules" message={q.error.message} />}
      {q.data && <StaleBanner query={q} what="schedules" className="mb-4" />}
      {schedules.length === 0 ? (
        <EmptyState
          icon={CalendarClock}
          title="No schedules yet"
          description="Add a schedule so your sites are backed up without anyone clicking: nightly for one site, or for every site with a tag."
          action={canEdit ? { label: 'Add your first schedule', href: '/schedules/new', icon: Plus } : undefined}
        />
      ) : (
        <Card className="overflow-hidden">
          <DataTable
            caption="Schedules"
            rows={schedules}
            columns={columns}
            rowKey={(s) => s.id}
            rowHref={(s) => `/schedules/${s.id}`}
            initialSort={{ key: 'next', dir: 'asc' }}
            maxHeight={null}
          />
        </Card>
      )}
    </>
  )
}
