// The Audit page's filters: kept in the URL (so a filtered view can be shared) and turned into the
// query of GET /api/audit. Times in the URL are the local date-time the person picked.
export interface AuditFilter {
  actor?: string
  action?: string
  siteId?: string
  from?: string
  to?: string
}

export const ACTION_PREFIXES = [
  { value: 'site.', label: 'Sites' },
  { value: 'run.', label: 'Backups and runs' },
  { value: 'archive.', label: 'Archives' },
  { value: 'schedule.', label: 'Schedules' },
  { value: 'user.', label: 'Users and sign-ins' },
  { value: 'token.', label: 'API tokens' },
] as const

const KEYS = ['actor', 'action', 'siteId', 'from', 'to'] as const

export function readAuditFilter(sp: Record<string, string | string[] | undefined>): AuditFilter {
  const f: AuditFilter = {}
  for (const k of KEYS) {
    const v = sp[k]
    if (typeof v === 'string' && v.trim()) f[k] = v.trim()
  }
  return f
}

export function auditSearch(f: AuditFilter): string {
  const p = new URLSearchParams()
  for (const k of KEYS) if (f[k]) p.set(k, f[k]!)
  const s = p.toString()
  return s ? `?${s}` : ''
}

function iso(local: string | undefined): string | undefined {
  if (!local) return undefined
  const d = new Date(local)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

export function auditApiQuery(f: AuditFilter): string {
  const p = new URLSearchParams()
  if (f.actor) p.set('actor', f.actor)
  if (f.action) p.set('action', f.action)
  if (f.siteId) p.set('siteId', f.siteId)
  const since = iso(f.from)
  const until = iso(f.to)
  if (since) p.set('since', since)
  if (until) p.set('until', until)
  p.set('limit', '500')
  return p.toString()
}
