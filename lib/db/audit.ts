// The one writer of the audit trail: who did what to which site, run, archive or schedule.
import type { Prisma } from '../../generated/sqlite/client'
import { db, type Db } from './client'

type Client = Db | Prisma.TransactionClient

export interface AuditEntry {
  actor?: string | null
  siteId?: string | null
  runId?: string | null
  archiveId?: string | null
  /** A schedule's events (and runs it queued) are found by this column. */
  scheduleId?: string | null
  /** The fire an event is about: with scheduleId, it finds the skips of one fire. */
  scheduledFor?: Date | null
  details?: unknown
}

export async function recordAudit(action: string, e: AuditEntry, client: Client = db()): Promise<void> {
  await client.auditEvent.create({
    data: {
      action,
      actor: e.actor ?? null,
      siteId: e.siteId ?? null,
      runId: e.runId ?? null,
      archiveId: e.archiveId ?? null,
      scheduleId: e.scheduleId ?? null,
      scheduledFor: e.scheduledFor ?? null,
      details: JSON.stringify(e.details ?? {}),
    },
  })
}
