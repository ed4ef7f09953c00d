import { databaseHealth, runnerHeartbeats } from '@/lib/db/health'
import { json } from '@/lib/api/respond'
import { config } from '@/lib/config'
import { localRunnerStatus } from '@/lib/engine/runner-registry'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const database = await databaseHealth()
  const runners = database.reachable ? await runnerHeartbeats().catch(() => []) : []
  const body = {
    status: database.reachable ? 'ok' : 'unavailable',
    database,
    runner: {
      inProcess: config().STEPWISE_RUNNER,
      local: localRunnerStatus(),
      alive: runners.filter((r) => r.alive).length,
      runners: runners.filter((r) => r.alive),
    },
  }
  return json(body, database.reachable ? 200 : 503)
}
