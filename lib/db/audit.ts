// The one writer of the audit trail: who did what to which site, run, archive or schedule.
import type { Prisma } from '../../generated/sqlite/client'
import { currentRequest } from '../request-context'
import { db, type Db } from './client'

type Client = Db | Prisma.TransactionClient

export interface AuditEntry {
  /** Who did it; defaults to the actor of the request being served (lib/request-context.ts). */
  actor?: string | null
  siteId?: string | null
  runId?: string | null
  archiveId?: string | null
  /** A schedule's events (and runs it queued) are found by this column. */
  scheduleId?: string | null
  /** The fire an event is about: with scheduleId, it finds the skips of one fire. */
  scheduledFor?: Date | null
  /** Where the request came from; defaults to the request being served. */
  ip?: string | null
  details?: unknown
}

export async function recordAudit(action: string, e: AuditEntry, client: Client = db()): Promise<void> {
  const req = currentRequest()
  await client.auditEvent.create({
    data: {
      action,
      actor: e.actor ?? req?.actor ?? null,
      actorId: e.actor == null || e.actor === req?.actor ? (req?.actorId ?? null) : null,
      ip: e.ip ?? req?.ip ?? null,
      siteId: e.siteId ?? null,
      runId: e.runId ?? null,
      archiveId: e.archiveId ?? null,
      scheduleId: e.scheduleId ?? null,
      scheduledFor: e.scheduledFor ?? null,
      details: JSON.stringify(e.details ?? {}),
    },
  })
}

export interface AuditFilter {
  actor?: string
  action?: string
  siteId?: string
  since?: Date
  until?: Date
  limit?: number
}

export interface AuditRow {
  id: string
  at: Date
  actor: string | null
  ip: string | null
  action: string
  siteId: string | null
  runId: string | null
  archiveId: string | null
  scheduleId: string | null
  details: string
  site: { name: string } | null
}

/** Newest first; `action` matches a prefix ("site." finds every site event). */
export async function listAuditRows(f: AuditFilter): Promise<AuditRow[]> {
  const rows = await db().auditEvent.findMany({
    where: {
      ...(f.actor ? { actor: { contains: f.actor } } : {}),
      ...(f.action ? { action: { startsWith: f.action } } : {}),
      ...(f.siteId ? { siteId: f.siteId } : {}),
      ...(f.since || f.until
        ? { at: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lte: f.until } : {}) } }
        : {}),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: Math.min(f.limit ?? 200, 1000),
    select: {
      id: true,
      at: true,
      actor: true,
      ip: true,
      action: true,
      siteId: true,
      runId: true,
      archiveId: true,
      scheduleId: true,
      details: true,
    },
  })
  const siteIds = [...new Set(rows.map((r) => r.siteId).filter((x): x is string => x !== null))]
  const sites = siteIds.length
    ? await db().site.findMany({ where: { id: { in: siteIds } }, select: { id: true, name: true } })
    : []
  const names = new Map(sites.map((s) => [s.id, s.name]))
  return rows.map((r) => ({ ...r, site: r.siteId && names.has(r.siteId) ? { name: names.get(r.siteId)! } : null }))
}
