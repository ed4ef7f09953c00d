// Database reachability and the applied migration, for GET /api/health.
import { db } from './client'
import { config } from '../config'

export interface DbHealth {
  kind: 'sqlite' | 'postgresql'
  reachable: boolean
  migration: string | null
  error?: string
}

export async function databaseHealth(): Promise<DbHealth> {
  const kind = config().databaseKind
  try {
    const rows = await db().$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1',
    )
    return { kind, reachable: true, migration: rows[0]?.migration_name ?? null }
  } catch (e) {
    return { kind, reachable: false, migration: null, error: (e as Error).message.split('\n')[0] }
  }
}

export interface RunnerInfo {
  id: string
  kind: string
  pid: number
  host: string
  startedAt: string
  lastSeenAt: string
  alive: boolean
}

/** Runners that reported in; alive = heartbeat within the last 30 s. */
export async function runnerHeartbeats(): Promise<RunnerInfo[]> {
  const rows = await db().runnerHeartbeat.findMany({ orderBy: { startedAt: 'desc' }, take: 50 })
  const now = Date.now()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    pid: r.pid,
    host: r.host,
    startedAt: r.startedAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    alive: now - r.lastSeenAt.getTime() < 30_000,
  }))
}
