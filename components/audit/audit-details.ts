import type { AuditEventDto } from '@/lib/audit/list-audit'

// Internal ids say nothing to a person; the IP has its own column.
const HIDDEN = new Set(['ip', 'userId', 'tokenId', 'sessionId'])

/** The details of an event in one line: "role: admin · email: a@b". */
export function detailsSummary(e: AuditEventDto): string {
  return Object.entries(e.details)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !HIDDEN.has(k))
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ')
}

/** "site.added" → "Site added", "user.sign_in_failed" → "User sign in failed". */
export function actionLabel(action: string): string {
  const s = action.replace(/[._]/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The request's IP, or the one better-auth's hooks put in the details (sign-ins). */
export function ipOf(e: AuditEventDto): string | null {
  return e.ip ?? (typeof e.details.ip === 'string' ? e.details.ip : null)
}

/** Who, when nobody is named: a failed sign-in of an unknown account, or Stepwise itself (schedules). */
export function actorLabel(e: AuditEventDto): string | null {
  return e.actor ?? (e.action.startsWith('user.') ? null : 'Stepwise')
}
