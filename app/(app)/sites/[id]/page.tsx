import type { Metadata } from 'next'
import { optionalPageActor, pageActor } from '@/lib/auth/page-access'
import { notFound } from 'next/navigation'
import { getSite } from '@/lib/sites/list-sites'
import { listRuns } from '@/lib/runs/read-runs'
import { listArchivesFiltered } from '@/lib/archives/list-archives'
import { SiteDetail } from '@/components/sites/site-detail'
import { SiteHistoryCharts } from '@/components/charts/site-history-charts'
import { SiteSchedulesPanel } from '@/components/schedules/site-schedules-panel'

export const dynamic = 'force-dynamic'

type Params = Promise<{ id: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  if (!(await optionalPageActor())) return { title: 'Sign in' }
  const site = await getSite((await params).id)
  return { title: site?.name ?? 'Site not found' }
}

export default async function SitePage({ params }: { params: Params }) {
  const { id } = await params
  await pageActor('viewer', `/sites/${encodeURIComponent(id)}`)
  const site = await getSite(id)
  if (!site) notFound()
  const [runs, archives] = await Promise.all([
    listRuns({ siteId: id, limit: 20 }),
    listArchivesFiltered({ siteId: id }),
  ])
  return (
    <SiteDetail
      initialSite={site}
      initialRuns={runs}
      initialArchives={archives}
      schedules={<SiteSchedulesPanel siteId={id} />}
      charts={<SiteHistoryCharts siteId={id} runs={runs} archives={archives} />}
    />
  )
}
