'use client'

import { useCan } from '@/components/auth/me-provider'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { Pencil, Trash2 } from 'lucide-react'
import { Button, ButtonLink } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { DataTable, type Column } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageHeader } from '@/components/ui/page-header'
import { Panel } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/time'
import { formatDuration } from '@/lib/format/format'
import type { ScheduleSiteDto } from '@/lib/domain/schedules'
import { EnabledState, LastResultBadge, TargetLabel } from './schedule-labels'
import { ScheduleEvents } from './schedule-events'
import { ToggleScheduleButton } from './toggle-schedule-button'
import { useDeleteSchedule, useSchedule, type ScheduleDetail as Detail } from './use-schedules'
import { ZonedTime, zoneLabel } from './zoned-time'

const siteColumns: Column<ScheduleSiteDto>[] = [
  {
    key: 'site',
    header: 'Site',
    sortValue: (x) => x.siteName,
    cell: (x) => (
      <Link href={`/sites/${x.siteId}`} className="font-medium text-slate-900 hover:underline">
        {x.siteName}
      </Link>
    ),
  },
  {
    key: 'offset',
    header: 'Stagger',
    sortValue: (x) => x.offsetSeconds,
    hideBelow: 'md',
    cell: (x) => (
      <span className="tabular-nums text-slate-600">
        {x.offsetSeconds ? `+${formatDuration(x.offsetSeconds * 1000)}` : '—'}
      </span>
    ),
  },
  {
    key: 'next',
    header: 'Next start',
    sortValue: (x) => x.nextStartAt,
    cell: (x) => (x.nextStartAt ? <RelativeTime date={x.nextStartAt} /> : <span className="text-slate-500">—</span>),
  },
  {
    key: 'last',
    header: 'Last result',
    sortValue: (x) => x.last?.at,
    cell: (x) => (
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <LastResultBadge last={x.last} />
        {x.last?.kind === 'run' && (
          <Link href={`/runs/${x.last.runId}`} className="text-xs text-slate-600 hover:underline">
            <RelativeTime date={x.last.at} />
          </Link>
        )}
        {x.last?.kind === 'skipped' && (
          <span className="text-xs text-slate-600">
            <RelativeTime date={x.last.at} />
          </span>
        )}
      </span>
    ),
  },
]

export function ScheduleDetailView({ id, initial }: { id: string; initial: Detail }) {
  const router = useRouter()
  const q = useSchedule(id, initial)
  const del = useDeleteSchedule(id)
  const canEdit = useCan('admin')
  const data = q.data ?? initial
  const s = data.schedule
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: 'Schedules', href: '/schedules' }, { label: s.name }]}
        title={s.name}
        meta={<EnabledState s={s} />}
        description={
          <>
            {s.cronText}
            {s.cronText !== s.cron && (
              <>
                {' '}
                · <code className="font-mono">{s.cron}</code>
              </>
            )}{' '}
            · {zoneLabel(s.timezone)}
          </>
        }
        actions={
          canEdit && (
            <>
              <ToggleScheduleButton s={s} />
              <ButtonLink href={`/schedules/${s.id}/edit`} icon={Pencil}>
                Edit
              </ButtonLink>
              <ConfirmDialog
                trigger={
                  <Button variant="danger" icon={Trash2}>
                    Delete
                  </Button>
                }
                title={`Delete “${s.name}”?`}
                description={`No more scheduled backups from it for ${s.siteId ? (s.siteName ?? 'its site') : `the ${s.sites.length} sites tagged ${s.tag}`}. Runs it already started and their archives stay. This cannot be undone.`}
                confirmLabel="Delete schedule"
                onConfirm={async () => {
                  await del.mutateAsync()
                  router.push('/schedules')
                }}
              />
            </>
          )
        }
      />
      {q.error && <ErrorPanel className="mb-4" title="Could not refresh this schedule" message={q.error.message} />}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Panel id="schedule-sites" title="Sites" description={<TargetLabel s={s} />} padded={false}>
            <DataTable
              caption="Sites of this schedule"
              rows={s.sites}
              columns={siteColumns}
              rowKey={(x) => x.siteId}
              maxHeight="60vh"
              initialSort={{ key: 'next', dir: 'asc' }}
              empty={
                <EmptyState
                  bare
                  title="No sites have this tag"
                  description={`Tag sites with “${s.tag}” and they are backed up by this schedule.`}
                />
              }
            />
          </Panel>
          <ScheduleEvents events={data.events} sites={s.sites} />
        </div>
        <div className="flex flex-col gap-6">
          <Panel title="Next fires">
            {s.upcoming.length ? (
              <ol className="flex flex-col gap-2.5 text-sm">
                {s.upcoming.map((f) => (
                  <li key={f}>
                    <ZonedTime date={f} timeZone={s.timezone} />
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-600">
                {s.enabled ? 'This rule never matches again.' : 'Disabled: nothing fires until it is enabled.'}
              </p>
            )}
            {s.staggerMinutes > 0 && (
              <p className="mt-3 text-[13px] text-slate-600">
                Each site starts at its own slot within {s.staggerMinutes} min after the fire.
              </p>
            )}
          </Panel>
          <Panel title="Settings">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-600">Profile</dt>
              <dd>{s.profileId ? `#${s.profileId}` : 'Site default'}</dd>
              <dt className="text-slate-600">Description</dt>
              <dd className="break-words">
                {s.descriptionTemplate ?? <span className="text-slate-500">Default</span>}
              </dd>
              <dt className="text-slate-600">Run once</dt>
              <dd>{s.runOnce ? 'Yes' : 'No'}</dd>
              <dt className="text-slate-600">Last fire</dt>
              <dd>{s.lastFireAt ? <RelativeTime date={s.lastFireAt} /> : 'Never'}</dd>
              <dt className="text-slate-600">Created</dt>
              <dd>
                <RelativeTime date={s.createdAt} />
              </dd>
            </dl>
          </Panel>
        </div>
      </div>
    </>
  )
}
