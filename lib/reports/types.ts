// The client report as the API answers it and the page prints it (dates as ISO strings).

export type ReportSiteState = 'ok' | 'too_old' | 'failed' | 'never'

export interface ReportBackup {
  /** When it finished (a run) or ended (a record the site made itself). */
  at: string
  ok: boolean
  /** succeeded, failed, timed_out (our runs); complete, fail (the site's own records). */
  status: string
  /** `stepwise`: a run we started (by hand, schedule or API); `site`: a record made outside Stepwise. */
  source: 'stepwise' | 'site'
  trigger: string | null
  backupType: string | null
  description: string | null
  sizeBytes: number | null
  durationMs: number | null
  errorMessage: string | null
  runId: string | null
}

export interface ReportSite {
  id: string
  name: string
  baseUrl: string
  isDemo: boolean
  maxBackupAgeHours: number
  backups: number
  succeeded: number
  failed: number
  /** succeeded / (succeeded + failed), 0..1; null without any backup in the period. */
  successRate: number | null
  /** Bytes of the period's good backups together, and the smallest/largest/latest of them. */
  totalBytes: number
  minBytes: number | null
  maxBytes: number | null
  latestBytes: number | null
  /** The newest good backup up to the end of the period (may be before it). */
  lastGoodAt: string | null
  /** Share of the period (from the site's adding on) with a good backup younger than its maximum age, 0..1. */
  freshShare: number | null
  /** At the end of the period. */
  state: ReportSiteState
  /** Newest first, at most LAST_BACKUPS. */
  lastBackups: ReportBackup[]
}

export interface ReportTotals {
  sites: number
  backups: number
  succeeded: number
  failed: number
  successRate: number | null
  totalBytes: number
  /** Sites by state at the end of the period. */
  states: Record<ReportSiteState, number>
  /** Mean of the sites' freshShare. */
  freshShare: number | null
  lastGoodAt: string | null
}

export interface ClientReport {
  tag: string
  from: string
  to: string
  /** The period's end for freshness: `to`, or now while the period is still running. */
  asOf: string
  generatedAt: string
  totals: ReportTotals
  sites: ReportSite[]
}
