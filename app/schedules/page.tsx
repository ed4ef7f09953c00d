import type { Metadata } from 'next'
import { listSchedules } from '@/lib/schedule/manage-schedules'
import { SchedulesView } from '@/components/schedules/schedules-table'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Schedules' }

export default async function SchedulesPage() {
  return <SchedulesView initial={await listSchedules()} />
}
