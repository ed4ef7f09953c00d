// "New work" between runner processes: a run was queued (or cancelled, or a slot freed) in one
// process, and the runners in the others should look now instead of at their next poll. PostgreSQL
// carries it with LISTEN/NOTIFY on one channel (no payload: a wake-up, the database stays the truth).
// SQLite has no such channel: other processes find the work at their next poll (STEPWISE_POLL_MS).
import pg from 'pg'
import { config } from '../config'
import { db } from './client'

const CHANNEL = 'stepwise_work'

/** Tells the runners in other processes to look for work now (PostgreSQL; nothing on SQLite). */
export async function signalWork(): Promise<void> {
  if (config().databaseKind !== 'postgresql') return
  await db().$executeRawUnsafe(`NOTIFY ${CHANNEL}`)
}

export interface WorkListener {
  close(): Promise<void>
}

/**
 * Calls `onWork` whenever any process signals work. One dedicated connection, reconnected after a
 * failure (a missed wake-up only costs one poll). Null on SQLite.
 */
export function listenForWork(onWork: () => void, onError: (e: unknown) => void): WorkListener | null {
  const url = config().DATABASE_URL
  if (config().databaseKind !== 'postgresql') return null
  let client: pg.Client | null = null
  let closed = false
  let retry: NodeJS.Timeout | null = null
  const connect = async () => {
    const c = new pg.Client({ connectionString: url })
    client = c
    c.on('notification', () => onWork())
    c.on('error', (e) => {
      onError(e)
      void c.end().catch(() => undefined)
      if (!closed && client === c) retry = setTimeout(() => void connect().catch(onError), 1_000)
    })
    try {
      await c.connect()
      await c.query(`LISTEN ${CHANNEL}`)
      // Work queued while we were not listening is found by the poll; look once now as well.
      onWork()
    } catch (e) {
      onError(e)
      void c.end().catch(() => undefined)
      if (!closed && client === c) retry = setTimeout(() => void connect().catch(onError), 1_000)
    }
  }
  void connect()
  return {
    async close() {
      closed = true
      if (retry) clearTimeout(retry)
      await client?.end().catch(() => undefined)
    },
  }
}
