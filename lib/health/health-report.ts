// GET /api/health: whether the database answers, which migration it is on, and which runners are alive.
import { databaseHealth, runnerHeartbeats, type DbHealth } from '../db/health'
import { config } from '../config'
import { localRunnerStatus } from '../engine/runner-registry'
import type { RunnerStatus } from '../engine/runner'

/** A runner counts as alive while its heartbeat is younger than this. */
const ALIVE_MS = 30_000

export interface RunnerInfo {
  id: string
  kind: string
  pid: number
  host: string
  startedAt: string
  lastSeenAt: string
  alive: boolean
}

export interface HealthReport {
  status: 'ok' | 'unavailable'
  database: DbHealth
  runner: {
    inProcess: boolean
    local: RunnerStatus | null
    alive: number
    runners: RunnerInfo[]
  }
}

async function runners(): Promise<RunnerInfo[]> {
  const rows = await runnerHeartbeats()
  const now = Date.now()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    pid: r.pid,
    host: r.host,
    startedAt: r.startedAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    alive: now - r.lastSeenAt.getTime() < ALIVE_MS,
  }))
}

export async function healthReport(): Promise<HealthReport> {
  const database = await databaseHealth()
  const all = database.reachable ? await runners().catch(() => []) : []
  return {
    status: database.reachable ? 'ok' : 'unavailable',
    database,
    runner: {
      inProcess: config().STEPWISE_RUNNER,
      local: localRunnerStatus(),
      alive: all.filter((r) => r.alive).length,
      runners: all.filter((r) => r.alive),
    },
  }
}

/** What anyone may see: up or not, and the database's kind, reachability and migration. */
export function publicHealth(r: HealthReport): Pick<HealthReport, 'status'> & { database: Omit<DbHealth, 'error'> } {
  const { error: _error, ...database } = r.database
  return { status: r.status, database }
}
