import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { notFound } from 'next/navigation'
import { AppError } from '@/lib/api/errors'
import { getScheduleDetail } from '@/lib/schedule/manage-schedules'
import { ScheduleDetailView } from '@/components/schedules/schedule-detail'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Schedule' }

export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await pageActor('viewer', `/schedules/${encodeURIComponent(id)}`)
  const detail = await getScheduleDetail(id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') notFound()
    throw e
  })
  return <ScheduleDetailView id={id} initial={detail} />
}
