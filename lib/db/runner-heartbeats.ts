// Runners report in here (GET /api/health lists them): one row per runner process.
import { db } from './client'

export interface HeartbeatOf {
  id: string
  kind: string
  pid: number
  host: string
  startedAt: Date
}

export async function beat(r: HeartbeatOf, at: Date): Promise<void> {
  await db().runnerHeartbeat.upsert({
    where: { id: r.id },
    create: { ...r, lastSeenAt: at },
    update: { lastSeenAt: at },
  })
}

export async function forgetRunner(id: string): Promise<void> {
  await db().runnerHeartbeat.deleteMany({ where: { id } })
}
