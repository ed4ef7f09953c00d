import type { Metadata } from 'next'
import { optionalPageActor, pageActor } from '@/lib/auth/page-access'
import { notFound } from 'next/navigation'
import { RunView } from '@/components/runs/run-view'
import { getRun, listRuns, listSteps } from '@/lib/runs/read-runs'
import { getSite } from '@/lib/sites/list-sites'
import { successfulDurations } from '@/lib/runs/eta'
import { fleetTypicalByType } from '@/lib/runs/fleet-typical'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await optionalPageActor())) return { title: 'Sign in' }
  const run = await getRun((await params).id)
  return { title: run ? `Backup of ${run.siteName}` : 'Run not found' }
}

export default async function RunPage({ params }: Props) {
  const { id } = await params
  await pageActor('viewer', `/runs/${encodeURIComponent(id)}`)
  const run = await getRun(id)
  if (!run) notFound()
  const [steps, history, site, fleetTypicalMs] = await Promise.all([
    listSteps(id),
    listRuns({ siteId: run.siteId, status: ['succeeded'], limit: 20 }),
    getSite(run.siteId),
    fleetTypicalByType(),
  ])
  return (
    <RunView
      initial={{ run, steps }}
      pastDurationsMs={successfulDurations(history.filter((r) => r.id !== id))}
      fleetTypicalMs={fleetTypicalMs}
      site={
        site && { id: site.id, name: site.name, isDemo: site.isDemo, baseUrl: site.baseUrl, platform: site.platform }
      }
    />
  )
}
