// The daily retention sweep: at STEPWISE_RETENTION_SWEEP_AT (UTC) one runner process claims the day
// (RetentionSweep's primary key) and applies retention to every site a policy covers (and every site
// with an intent left pending), one site at a time, then compacts old raw step bodies. A sweep whose
// process died is taken over once its claim has not been touched for SWEEP_STALE_MS.
import { hostname } from 'node:os'
import { config } from '../config'
import { compactRawStepBatch } from '../db/raw-steps'
import { sitesWithPendingIntents } from '../db/retention-actions'
import { retentionSites } from '../db/retention-sites'
import { claimSweepDay, finishSweep, sweepRow, touchSweep } from '../db/retention-sweeps'
import { logger } from '../log'
import { applyRetentionToSite, type SiteOutcome } from './apply-site'
import { listPolicies, policiesFor } from './policies'

export const SWEEP_STALE_MS = 15 * 60_000
const DAY = 86_400_000

export interface SweepSummary {
  sites: number
  removed: number
  unconfirmed: number
  settled: number
  refuses: number
  unreadable: number
  busy: number
  rawCompactedRuns: number
}

/** The UTC day a sweep at `at` (HH:MM) belongs to, once that time has passed; null before it or when off. */
export function dueSweepDay(now: Date, at: string): string | null {
  if (at === 'off') return null
  const [h, m] = at.split(':').map(Number)
  const day = now.toISOString().slice(0, 10)
  const due = Date.parse(`${day}T00:00:00Z`) + (h * 60 + m) * 60_000
  return now.getTime() >= due ? day : null
}

/** Empties raw step bodies of runs that ended more than `days` ago, in batches. */
export async function compactRawSteps(days: number, now = new Date(), maxBatches = 200): Promise<number> {
  const before = new Date(now.getTime() - days * DAY)
  let total = 0
  for (let i = 0; i < maxBatches; i++) {
    const n = await compactRawStepBatch(before)
    total += n
    if (n === 0) break
  }
  return total
}

/** One sweep over the fleet (the caller holds the day's claim, or calls it directly in tests). */
export async function runSweep(owner: string, onSite?: () => Promise<boolean>): Promise<SweepSummary> {
  const s: SweepSummary = {
    sites: 0,
    removed: 0,
    unconfirmed: 0,
    settled: 0,
    refuses: 0,
    unreadable: 0,
    busy: 0,
    rawCompactedRuns: 0,
  }
  const policies = await listPolicies({ enabledOnly: true })
  const pending = new Set(await sitesWithPendingIntents())
  const sites = (await retentionSites()).filter((x) => pending.has(x.id) || policiesFor(policies, x).length > 0)
  for (const site of sites) {
    let r: SiteOutcome
    try {
      r = await applyRetentionToSite(site.id, { trigger: 'sweep', owner, policies })
    } catch (e) {
      logger().warn({ siteId: site.id, err: e instanceof Error ? e.message : e }, 'retention failed for a site')
      continue
    }
    s.sites++
    s.removed += r.removed
    s.unconfirmed += r.unconfirmed
    s.settled += r.settled
    if (r.status === 'refuses') s.refuses++
    if (r.status === 'unreadable') s.unreadable++
    if (r.status === 'busy') s.busy++
    if (onSite && !(await onSite())) return s
  }
  s.rawCompactedRuns = await compactRawSteps(config().STEPWISE_RAW_STEP_RETENTION_DAYS)
  return s
}

/** The runner-loop hook: cheap when nothing is due; a due sweep runs in the background of the loop. */
export function retentionTicker(owner = `${hostname()}:${process.pid}`): () => Promise<void> {
  let doneDay: string | null = null
  let nextTry = 0
  let running = false
  return async () => {
    const now = new Date()
    const day = dueSweepDay(now, config().STEPWISE_RETENTION_SWEEP_AT)
    if (!day || day === doneDay || running || now.getTime() < nextTry) return
    nextTry = now.getTime() + 60_000
    if (!(await claimSweepDay(day, owner, SWEEP_STALE_MS))) {
      if ((await sweepRow(day))?.finishedAt) doneDay = day
      return
    }
    running = true
    void runSweep(owner, () => touchSweep(day, owner))
      .then(async (summary) => {
        await finishSweep(day, owner, summary)
        doneDay = day
        logger().info({ day, ...summary }, 'retention sweep finished')
      })
      .catch((e) => logger().error({ day, err: e instanceof Error ? e.message : e }, 'retention sweep failed'))
      .finally(() => {
        running = false
      })
  }
}
