import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { reportTags } from '@/lib/reports/client-report'
import { ReportView } from '@/components/reports/report-view'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Client report' }

type Search = Promise<Record<string, string | string[] | undefined>>
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined)

export default async function ReportsPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams
  await pageActor('viewer', '/reports')
  const tags = await reportTags()
  return <ReportView tags={tags} initial={{ tag: one(sp.tag), from: one(sp.from), to: one(sp.to) }} />
}
