import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { notFound } from 'next/navigation'
import { AppError } from '@/lib/api/errors'
import { PageHeader } from '@/components/ui/page-header'
import { ScheduleForm } from '@/components/schedules/schedule-form'
import { getSchedule } from '@/lib/schedule/manage-schedules'
import { scheduleFormData } from '@/lib/schedule/form-data'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Edit schedule' }

export default async function EditSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await pageActor('admin', `/schedules/${encodeURIComponent(id)}/edit`)
  const schedule = await getSchedule(id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') notFound()
    throw e
  })
  const data = await scheduleFormData()
  return (
    <>
      <PageHeader
        title={`Edit ${schedule.name}`}
        breadcrumbs={[
          { label: 'Schedules', href: '/schedules' },
          { label: schedule.name, href: `/schedules/${id}` },
          { label: 'Edit' },
        ]}
      />
      <ScheduleForm {...data} schedule={schedule} />
    </>
  )
}
