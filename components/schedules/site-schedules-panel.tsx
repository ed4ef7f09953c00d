'use client'

import { useCan } from '@/components/auth/me-provider'
import Link from 'next/link'
import { CalendarClock, Plus } from 'lucide-react'
import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Panel } from '@/components/ui/panel'
import { Spinner } from '@/components/ui/spinner'
import { EnabledState, LastResultBadge } from './schedule-labels'
import { useSchedules } from './use-schedules'
import { ZonedTime } from './zoned-time'

export interface SiteSchedulesPanelProps {
  siteId: string
}

/** Schedules that back up this site (directly or through one of its tags), for the site page. */
export function SiteSchedulesPanel({ siteId }: SiteSchedulesPanelProps) {
  const q = useSchedules({ siteId })
  const canEdit = useCan('admin')
  const addHref = `/schedules/new?siteId=${encodeURIComponent(siteId)}`
  return (
    <Panel
      id="site-schedules"
      title="Schedules"
      padded={false}
      actions={
        canEdit && (
          <ButtonLink href={addHref} size="sm" icon={Plus}>
            Add schedule
          </ButtonLink>
        )
      }
    >
      {q.isPending ? (
        <div className="flex justify-center p-6">
          <Spinner className="size-5 text-slate-400" />
        </div>
      ) : q.error ? (
        <p className="px-4 py-4 text-sm text-red-700 sm:px-5">Could not load schedules: {q.error.message}</p>
      ) : q.data.length === 0 ? (
        <EmptyState
          bare
          icon={CalendarClock}
          title="No schedule backs up this site"
          description="Add one so it is backed up without anyone clicking."
        />
      ) : (
        <ul className="divide-y divide-slate-100">
          {q.data.map((s) => {
            const mine = s.sites.find((x) => x.siteId === siteId)
            return (
              <li
                key={s.id}
                className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-5"
              >
                <div className="min-w-0">
                  <Link href={`/schedules/${s.id}`} className="font-medium text-slate-900 hover:underline">
                    {s.name}
                  </Link>
                  <p className="text-[13px] text-slate-600">
                    {s.cronText}
                    {s.tag && (
                      <>
                        {' '}
                        · via tag <span className="font-medium">{s.tag}</span>
                      </>
                    )}
                  </p>
                  <div className="mt-1">
                    <LastResultBadge last={mine?.last ?? null} />
                  </div>
                </div>
                <div className="flex flex-col items-start gap-1 text-sm sm:items-end sm:text-right">
                  {s.enabled && mine?.nextStartAt ? (
                    <ZonedTime date={mine.nextStartAt} timeZone={s.timezone} />
                  ) : (
                    <EnabledState s={s} compact />
                  )}
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </Panel>
  )
}
