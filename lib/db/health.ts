// Database reachability, the applied migration and the runners' heartbeats, for GET /api/health.
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

export interface HeartbeatRow {
  id: string
  kind: string
  pid: number
  host: string
  startedAt: Date
  lastSeenAt: Date
}

/** The runners that reported in, newest first. */
export function runnerHeartbeats(): Promise<HeartbeatRow[]> {
  return db().runnerHeartbeat.findMany({
    select: { id: true, kind: true, pid: true, host: true, startedAt: true, lastSeenAt: true },
    orderBy: { startedAt: 'desc' },
    take: 50,
  })
}
