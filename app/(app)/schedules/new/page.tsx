import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { PageHeader } from '@/components/ui/page-header'
import { ScheduleForm } from '@/components/schedules/schedule-form'
import { scheduleFormData } from '@/lib/schedule/form-data'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'New schedule' }

type Search = Promise<Record<string, string | string[] | undefined>>
const one = (v: string | string[] | undefined) => (typeof v === 'string' && v ? v : undefined)

export default async function NewSchedulePage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams
  await pageActor('admin', '/schedules/new')
  const data = await scheduleFormData()
  return (
    <>
      <PageHeader
        title="New schedule"
        breadcrumbs={[{ label: 'Schedules', href: '/schedules' }, { label: 'New' }]}
        description="Backups start by themselves at the times you set, in the time zone you choose."
      />
      <ScheduleForm {...data} prefill={{ siteId: one(sp.siteId), tag: one(sp.tag) }} />
    </>
  )
}
