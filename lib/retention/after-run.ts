// Retention after a successful backup of a site (wired in lib/runtime/start-runner.ts after the
// archive sync): the site's policies are applied at once. Never throws: the run's outcome stands.
import { hostname } from 'node:os'
import { getRunRecord } from '../db/runs'
import { logger } from '../log'
import { applyRetentionToSite } from './apply-site'

export async function retentionAfterRun(runId: string, status: string): Promise<void> {
  if (status !== 'succeeded') return
  try {
    const run = await getRunRecord(runId)
    if (!run) return
    const r = await applyRetentionToSite(run.siteId, { trigger: 'after_run', owner: `${hostname()}:${process.pid}` })
    if (r.status !== 'no_policy') logger().info({ runId, ...r }, 'retention applied after the run')
  } catch (e) {
    logger().warn({ runId, err: e instanceof Error ? e.message : e }, 'retention after the run failed')
  }
}
