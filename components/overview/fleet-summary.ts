// Pure numbers for the overview: counts by backup state, the share of sites backed up within their
// max age, and the sites whose last good backup is too old.
import type { SiteDto } from '@/lib/domain/sites'

export type SummarySite = Pick<
  SiteDto,
  'id' | 'name' | 'backupState' | 'lastSuccessAt' | 'maxBackupAgeHours' | 'connectionStatus' | 'isDemo'
>

export interface FleetSummary {
  total: number
  byState: Record<string, number>
  /** Sites whose last successful backup is younger than their max age. */
  fresh: number
  /** 0–100, null without sites. */
  freshShare: number | null
  /** Connected sites with no good backup within their max age (oldest first, never first of all). */
  stale: SummarySite[]
}

function isFresh(s: SummarySite, now: number): boolean {
  return s.lastSuccessAt !== null && now - Date.parse(s.lastSuccessAt) <= s.maxBackupAgeHours * 3_600_000
}

export function summarize(sites: readonly SummarySite[], now: number): FleetSummary {
  const byState: Record<string, number> = {}
  for (const s of sites) byState[s.backupState] = (byState[s.backupState] ?? 0) + 1
  const fresh = sites.filter((s) => isFresh(s, now)).length
  const stale = sites
    .filter((s) => s.connectionStatus === 'ok' && !isFresh(s, now))
    .sort(
      (a, b) =>
        (a.lastSuccessAt ? Date.parse(a.lastSuccessAt) : -Infinity) -
        (b.lastSuccessAt ? Date.parse(b.lastSuccessAt) : -Infinity),
    )
  return { total: sites.length, byState, fresh, freshShare: sites.length ? (fresh / sites.length) * 100 : null, stale }
}
