// Pure numbers for the overview: counts by backup state, the share of sites backed up within their
// max age, and the sites whose last good backup is too old.
import type { RunDto } from '@/lib/domain/runs'
import type { SiteDto } from '@/lib/domain/sites'

export type SummarySite = Pick<
  SiteDto,
  'id' | 'name' | 'backupState' | 'lastSuccessAt' | 'maxBackupAgeHours' | 'connectionStatus' | 'isDemo'
> &
  Partial<Pick<SiteDto, 'createdAt'>>

export interface FleetSummary {
  total: number
  byState: Record<string, number>
  /** Sites whose last successful backup is younger than their max age. */
  fresh: number
  /** 0–100, null without sites. */
  freshShare: number | null
  /**
   * Connected sites with no good backup within their max age (oldest first, never first of all). A
   * site never backed up counts only once it has been in Stepwise longer than its max age, as the
   * stale alert does (lib/notify/site-alerts.ts): a site added a minute ago is not "too old".
   */
  stale: SummarySite[]
}

function isFresh(s: SummarySite, now: number): boolean {
  return s.lastSuccessAt !== null && now - Date.parse(s.lastSuccessAt) <= s.maxBackupAgeHours * 3_600_000
}

function isNew(s: SummarySite, now: number): boolean {
  return !s.lastSuccessAt && !!s.createdAt && now - Date.parse(s.createdAt) <= s.maxBackupAgeHours * 3_600_000
}

export function summarize(sites: readonly SummarySite[], now: number): FleetSummary {
  const byState: Record<string, number> = {}
  for (const s of sites) byState[s.backupState] = (byState[s.backupState] ?? 0) + 1
  const fresh = sites.filter((s) => isFresh(s, now)).length
  const stale = sites
    .filter((s) => s.connectionStatus === 'ok' && !isFresh(s, now) && !isNew(s, now))
    .sort(
      (a, b) =>
        (a.lastSuccessAt ? Date.parse(a.lastSuccessAt) : -Infinity) -
        (b.lastSuccessAt ? Date.parse(b.lastSuccessAt) : -Infinity),
    )
  return { total: sites.length, byState, fresh, freshShare: sites.length ? (fresh / sites.length) * 100 : null, stale }
}

/** One row of "Recent failures and warnings": a site's repeated failures (or warnings) folded together. */
export interface ProblemGroup {
  key: string
  siteId: string
  siteName: string
  kind: 'failed' | 'warnings'
  /** The newest run of the group: its status, message and page. */
  latest: RunDto
  count: number
  firstAt: string
  lastAt: string
  /** Warnings over the group's runs (kind 'warnings'). */
  warnings: number
}

const endOf = (r: RunDto) => r.finishedAt ?? r.createdAt

/**
 * Finished runs that failed or left warnings within `windowMs`, one row per site and kind (a site
 * that fails every night is one row with a count and its first and last time), newest first.
 */
export function groupProblems(runs: readonly RunDto[], now: number, windowMs: number, max = 12): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>()
  for (const r of runs) {
    const failed = r.status === 'failed' || r.status === 'timed_out'
    const warned = r.status === 'succeeded' && r.warningsCount > 0
    if (!failed && !warned) continue
    const at = endOf(r)
    if (now - Date.parse(at) > windowMs) continue
    const kind = failed ? 'failed' : 'warnings'
    const key = `${r.siteId}:${kind}`
    const g = groups.get(key)
    if (!g) {
      groups.set(key, {
        key,
        siteId: r.siteId,
        siteName: r.siteName,
        kind,
        latest: r,
        count: 1,
        firstAt: at,
        lastAt: at,
        warnings: r.warningsCount,
      })
      continue
    }
    g.count++
    g.warnings += r.warningsCount
    if (Date.parse(at) > Date.parse(g.lastAt)) {
      g.lastAt = at
      g.latest = r
    }
    if (Date.parse(at) < Date.parse(g.firstAt)) g.firstAt = at
  }
  return [...groups.values()].sort((a, b) => Date.parse(b.lastAt) - Date.parse(a.lastAt)).slice(0, max)
}
