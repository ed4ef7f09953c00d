'use client'

import { CalendarClock } from 'lucide-react'
import { Spinner } from '@/components/ui/spinner'
import { cn } from '@/components/ui/cn'
import type { CronPreview } from '@/lib/schedule/manage-schedules'
import { formatInZone, shortZone, useViewerTimeZone, zoneLabel } from './zoned-time'

/** The rule in words and its next fires, in the viewer's zone and the schedule's. */
export function CronPreviewList({
  preview,
  timezone,
  loading,
  className,
  testId = 'cron-preview',
}: {
  preview: CronPreview | undefined
  timezone: string
  loading: boolean
  className?: string
  testId?: string
}) {
  const viewer = useViewerTimeZone()
  const both = viewer !== null && viewer !== timezone
  return (
    <div
      className={cn('rounded-md border border-slate-200 bg-slate-50 px-3 py-2.5', className)}
      aria-live="polite"
      data-testid={testId}
    >
      <div className="flex items-center gap-2 text-sm font-medium text-slate-900">
        <CalendarClock aria-hidden="true" className="size-4 text-slate-500" />
        <span>{preview ? preview.cronText : 'Next fires'}</span>
        {loading && <Spinner className="size-3.5 text-slate-400" />}
      </div>
      {preview && preview.fires.length > 0 ? (
        <table className="mt-2 w-full text-[13px] tabular-nums">
          <thead className={both ? 'text-left text-xs text-slate-500' : 'sr-only'}>
            <tr>
              <th className="pb-0.5 pr-3 font-medium">
                {both ? `Your time (${shortZone(viewer)})` : zoneLabel(timezone)}
              </th>
              {both && <th className="pb-0.5 font-medium">{shortZone(timezone)}</th>}
            </tr>
          </thead>
          <tbody>
            {preview.fires.map((f) => (
              <tr key={f} className="whitespace-nowrap">
                <td className="py-0.5 pr-3 text-slate-800">{formatInZone(f, viewer ?? timezone)}</td>
                {both && <td className="py-0.5 text-slate-500">{formatInZone(f, timezone)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        !loading && <p className="mt-1 text-[13px] text-slate-600">Type a cron expression to see when it fires.</p>
      )}
    </div>
  )
}
