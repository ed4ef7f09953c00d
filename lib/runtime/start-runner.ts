// Boots this process's runner (web server by default, or `npm run worker`): migrations first, then
// the loop. The composition root: it wires the engine to the features that react to it (archive
// sync after a run, schedules firing in the loop), so the engine imports none of them.
// Used by instrumentation-node.ts and worker-main.ts.
import { config } from '../config'
import { migrate } from '../db/migrate'
import { logger } from '../log'
import { afterRun } from '../archives/after-run'
import { archiveSyncTicker } from '../archives/background-sync'
import { defaultRunnerOptions, Runner, type RunnerOptions } from '../engine/runner'
import { localRunner, setLocalRunner } from '../engine/runner-registry'
import { apiForRun } from '../engine/site-client'
import { notifyTicker } from '../notify/ticker'
import { retentionAfterRun } from '../retention/after-run'
import { retentionTicker } from '../retention/sweep'
import { scheduleTicker } from '../schedule/fire'

export async function migrateOnStart(): Promise<void> {
  const c = config()
  const r = await migrate(c.DATABASE_URL)
  logger().info(
    { database: r.kind, applied: r.applied, latest: r.latest },
    r.applied.length ? 'migrations applied' : 'database up to date',
  )
}

export function startRunner(kind: RunnerOptions['kind'], extra: Partial<RunnerOptions> = {}): Runner {
  const existing = localRunner()
  if (existing) return existing
  const opts = defaultRunnerOptions(kind, apiForRun)
  const schedules = scheduleTicker()
  const notify = notifyTicker()
  const archiveSync = archiveSyncTicker()
  const retention = retentionTicker()
  const runner = new Runner({
    ...opts,
    // After a good backup (and its archive sync), the site's retention policies (lib/retention).
    onFinished: async (runId, status) => {
      await afterRun(runId, status, await apiForRun(runId))
      await retentionAfterRun(runId, status)
    },
    // Schedules fire inside every runner's loop; each fire is exactly-once (lib/schedule/fire.ts).
    // Alerts too: outbox fan-out, deliveries (each claimed once) and the stale/unreachable watch (lib/notify).
    onLoop: async () => {
      await schedules()
      await notify()
      // Archive lists re-read every STEPWISE_ARCHIVE_SYNC_HOURS, each due time claimed once (lib/archives).
      await archiveSync()
      // The daily retention sweep, claimed once per day across runners (lib/retention/sweep.ts).
      await retention()
    },
    ...extra,
  })
  setLocalRunner(runner)
  runner.start()
  return runner
}

export async function stopRunner(): Promise<void> {
  const r = localRunner()
  setLocalRunner(undefined)
  await r?.stop()
}
