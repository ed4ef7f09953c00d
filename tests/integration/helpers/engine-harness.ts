// Runs the real runner in this process against fake sites over real HTTP, on a fresh database.
import { startFakeFleet, type FakeFleet, type FakeSiteConfig } from '@/lib/fake-site'
import { Runner, defaultRunnerOptions, type RunnerOptions } from '@/lib/engine/runner'
import { apiForRun } from '@/lib/engine/site-client'
import { afterRun } from '@/lib/archives/after-run'
import { addSite } from '@/lib/sites/connect-site'
import { queueBackup } from '@/lib/runs/start-run'
import { getRun, listSteps } from '@/lib/db/runs'
import type { RunDto } from '@/lib/domain/runs'
import { freshDatabase, type TestDb } from './test-db'

export interface Harness {
  db: TestDb
  fleet: FakeFleet
  runner: Runner | null
  startRunner(extra?: Partial<RunnerOptions>): Runner
  addSite(cfg: Partial<FakeSiteConfig> & { id: string; hostGroup?: string }): Promise<string>
  backup(siteId: string, opts?: { backupType?: string; description?: string }): Promise<RunDto>
  waitFor(runId: string, timeoutMs?: number): Promise<RunDto>
  close(): Promise<void>
}

export const FAST_POLICY = { firstDelayMs: 50, maxRetries: 5, maxDelayMs: 400, maxReconciles: 3 }

export async function startHarness(): Promise<Harness> {
  const db = await freshDatabase()
  process.env.STEPWISE_CONNECT_TIMEOUT_MS = '2000'
  const fleet = await startFakeFleet({ port: 0, sites: [] })
  const h: Harness = {
    db,
    fleet,
    runner: null,
    startRunner(extra = {}) {
      const opts = defaultRunnerOptions('test', apiForRun)
      const r = new Runner({
        ...opts,
        pollMs: 20,
        policy: FAST_POLICY,
        onFinished: async (runId, status) => afterRun(runId, status, await apiForRun(runId)),
        ...extra,
      })
      r.start()
      h.runner = r
      return r
    },
    async addSite({ hostGroup, ...cfg }) {
      h.fleet.addSite({ persona: 'wordpress', key: `k${cfg.id.replace(/[^a-z0-9]/gi, '')}Secret9-0123456789`, ...cfg })
      const site = await addSite({
        name: cfg.name ?? cfg.id,
        url: h.fleet.url(cfg.id),
        key: h.fleet.key(cfg.id),
        tags: [],
        hostGroup,
        saveIfUnreachable: false,
      })
      return site.id
    },
    backup: (siteId, opts = {}) => queueBackup(siteId, { trigger: 'api', ...opts }),
    async waitFor(runId, timeoutMs = 30_000) {
      const end = Date.now() + timeoutMs
      for (;;) {
        const run = await getRun(runId)
        if (run && !['queued', 'running'].includes(run.status)) {
          // Give after-run work (archive sync) a moment to land.
          await new Promise((r) => setTimeout(r, 50))
          return (await getRun(runId))!
        }
        if (Date.now() > end)
          throw new Error(
            `run ${runId} still ${run?.status} (${run?.phase}) after ${timeoutMs} ms; steps: ${JSON.stringify((await listSteps(runId)).map((s) => [s.call, s.stepNumber, s.errorKind]))}`,
          )
        await new Promise((r) => setTimeout(r, 25))
      }
    },
    async close() {
      await h.runner?.stop(500)
      await h.fleet.close()
      await db.cleanup()
    },
  }
  return h
}

/** The stepBackup/startBackup calls a fake site received. */
export function backupCalls(fleet: FakeFleet, siteId: string) {
  return fleet.calls(siteId).filter((c) => /^(startbackup|stepbackup)$/i.test(c.method))
}
