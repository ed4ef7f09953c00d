import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { listSchedules } from '@/lib/schedule/manage-schedules'
import { SchedulesView } from '@/components/schedules/schedules-table'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Schedules' }

export default async function SchedulesPage() {
  await pageActor('viewer', '/schedules')
  return <SchedulesView initial={await listSchedules()} />
}
