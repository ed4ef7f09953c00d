// Runners report in here (GET /api/health lists them): one row per runner process.
import { db } from './client'

export interface HeartbeatOf {
  id: string
  kind: string
  pid: number
  host: string
  startedAt: Date
}

/** `stats`: the runner process's own figures (lib/engine/process-stats.ts), stored as JSON. */
export async function beat(r: HeartbeatOf, at: Date, stats?: unknown): Promise<void> {
  const s = stats === undefined ? {} : { stats: JSON.stringify(stats) }
  await db().runnerHeartbeat.upsert({
    where: { id: r.id },
    create: { ...r, lastSeenAt: at, ...s },
    update: { lastSeenAt: at, ...s },
  })
}

export async function forgetRunner(id: string): Promise<void> {
  await db().runnerHeartbeat.deleteMany({ where: { id } })
}
