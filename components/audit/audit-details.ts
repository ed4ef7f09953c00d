import type { AuditEventDto } from '@/lib/audit/list-audit'

/** The details of an event in one line: "role: admin · email: a@b" (ids left out where a link says it). */
export function detailsSummary(e: AuditEventDto): string {
  return Object.entries(e.details)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !(k === 'ip' && v === e.ip))
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ')
}

/** "site.added" → "Site added", "user.sign_in_failed" → "User sign in failed". */
export function actionLabel(action: string): string {
  const s = action.replace(/[._]/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}
