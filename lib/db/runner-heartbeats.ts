// Runners report in here (GET /api/health lists them): one row per runner process.
import pg from 'pg'
import { config } from '../config'
import { db } from './client'

export interface HeartbeatOf {
  id: string
  kind: string
  pid: number
  host: string
  startedAt: Date
}

// On PostgreSQL a heartbeat goes over a connection of its own: a busy runner's queries can queue for
// seconds behind the pool's connections, and a heartbeat stuck in that queue would make a live runner
// look dead to the others (which then take its leases back: lib/db/run-claims.ts reclaimFromDeadRunners).
let beatClient: Promise<pg.Client> | null = null

function pgBeatClient(url: string): Promise<pg.Client> {
  if (!beatClient) {
    const c = new pg.Client({ connectionString: url })
    const connecting = c.connect().then(() => c)
    beatClient = connecting
    const drop = () => {
      if (beatClient === connecting) beatClient = null
      void c.end().catch(() => undefined)
    }
    c.on('error', drop)
    connecting.catch(drop)
  }
  return beatClient
}

/** Closes this process's heartbeat connection (PostgreSQL), if it has one. */
export async function closeBeatConnection(): Promise<void> {
  const c = beatClient
  beatClient = null
  await c?.then((x) => x.end()).catch(() => undefined)
}

// Prisma stores DateTime on PostgreSQL as timestamp(3) in UTC: written the same way here.
const utc = (d: Date) => d.toISOString().replace('Z', '')

/** `stats`: the runner process's own figures (lib/engine/process-stats.ts), stored as JSON. */
export async function beat(r: HeartbeatOf, at: Date, stats?: unknown): Promise<void> {
  const s = stats === undefined ? {} : { stats: JSON.stringify(stats) }
  const { DATABASE_URL: url, databaseKind } = config()
  if (databaseKind === 'postgresql') {
    try {
      const c = await pgBeatClient(url)
      await c.query(
        `INSERT INTO "RunnerHeartbeat" ("id", "kind", "pid", "host", "startedAt", "lastSeenAt", "stats")
         VALUES ($1, $2, $3, $4, $5::timestamp(3), $6::timestamp(3), $7)
         ON CONFLICT ("id") DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt",
           "stats" = COALESCE(EXCLUDED."stats", "RunnerHeartbeat"."stats")`,
        [r.id, r.kind, r.pid, r.host, utc(r.startedAt), utc(at), s.stats ?? null],
      )
      return
    } catch {
      // The connection failed: this beat goes through the pool, and the next one reconnects.
      await closeBeatConnection()
    }
  }
  await db().runnerHeartbeat.upsert({
    where: { id: r.id },
    create: { ...r, lastSeenAt: at, ...s },
    update: { lastSeenAt: at, ...s },
  })
}

export async function forgetRunner(id: string): Promise<void> {
  await db().runnerHeartbeat.deleteMany({ where: { id } })
}
