// The audit trail as the Audit page and GET /api/audit show it.
import { listAuditRows, type AuditFilter } from '../db/audit'

export interface AuditEventDto {
  id: string
  at: string
  actor: string | null
  ip: string | null
  action: string
  siteId: string | null
  siteName: string | null
  runId: string | null
  archiveId: string | null
  scheduleId: string | null
  details: Record<string, unknown>
}

function parseDetails(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v }
  } catch {
    return {}
  }
}

export async function listAuditEvents(f: AuditFilter): Promise<AuditEventDto[]> {
  return (await listAuditRows(f)).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    ip: r.ip,
    action: r.action,
    siteId: r.siteId,
    siteName: r.site?.name ?? null,
    runId: r.runId,
    archiveId: r.archiveId,
    scheduleId: r.scheduleId,
    details: parseDetails(r.details),
  }))
}
