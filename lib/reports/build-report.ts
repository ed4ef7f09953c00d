// The client report's arithmetic, pure: backups (our finished runs and the records a site made
// itself), success rate, sizes and freshness per site over [from, to), and the fleet totals.
import type { ReportArchiveRow, ReportRunRow, ReportSiteRow } from '../db/reports'
import type { ClientReport, ReportBackup, ReportSite, ReportSiteState, ReportTotals } from './types'

export const LAST_BACKUPS = 10

export interface ReportInput {
  tag: string
  from: Date
  to: Date
  now: Date
  sites: ReportSiteRow[]
  runs: ReportRunRow[]
  foreign: ReportArchiveRow[]
  /** Each site's last good backup before `from`. */
  goodBefore: Map<string, Date>
}

const HOUR = 3_600_000

function fromRun(r: ReportRunRow): ReportBackup {
  return {
    at: r.finishedAt.toISOString(),
    ok: r.status === 'succeeded',
    status: r.status,
    source: 'stepwise',
    trigger: r.trigger,
    backupType: r.backupType,
    description: r.description,
    sizeBytes: r.archiveSize,
    durationMs: r.startedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
    errorMessage: r.errorMessage,
    runId: r.id,
  }
}

function fromArchive(a: ReportArchiveRow): ReportBackup {
  return {
    at: a.backupEnd.toISOString(),
    ok: a.status === 'complete',
    status: a.status,
    source: 'site',
    trigger: null,
    backupType: null,
    description: a.description || null,
    sizeBytes: a.status === 'complete' ? a.totalSize : null,
    durationMs: a.backupStart ? a.backupEnd.getTime() - a.backupStart.getTime() : null,
    errorMessage: null,
    runId: null,
  }
}

/**
 * The share of [start, end) covered by a good backup younger than maxAge: each good backup at g
 * covers [g, g + maxAge); the union of those, clipped to the window, over the window's length.
 */
export function freshShare(goodTimes: number[], start: number, end: number, maxAgeMs: number): number | null {
  if (end <= start) return null
  let covered = 0
  let reach = start
  for (const g of [...goodTimes].sort((a, b) => a - b)) {
    const s = Math.max(g, reach)
    const e = Math.min(g + maxAgeMs, end)
    if (e > s) {
      covered += e - s
      reach = e
    }
  }
  return covered / (end - start)
}

const rate = (ok: number, bad: number) => (ok + bad ? ok / (ok + bad) : null)

function siteReport(
  site: ReportSiteRow,
  events: ReportBackup[],
  goodBefore: Date | undefined,
  i: ReportInput,
): ReportSite {
  const asOf = Math.min(i.to.getTime(), i.now.getTime())
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at))
  const good = sorted.filter((e) => e.ok)
  const succeeded = good.length
  const failed = sorted.length - succeeded
  const sizes = good.map((e) => e.sizeBytes).filter((s): s is number => s !== null)
  const goodTimes = [...(goodBefore ? [goodBefore.getTime()] : []), ...good.map((e) => Date.parse(e.at))]
  const lastGood = goodTimes.length ? Math.max(...goodTimes) : null
  const maxAgeMs = site.maxBackupAgeHours * HOUR
  const start = Math.max(i.from.getTime(), site.createdAt.getTime())
  const last = sorted.at(-1)
  const state: ReportSiteState =
    last && !last.ok ? 'failed' : lastGood === null ? 'never' : asOf - lastGood > maxAgeMs ? 'too_old' : 'ok'
  return {
    id: site.id,
    name: site.name,
    baseUrl: site.baseUrl,
    isDemo: site.isDemo,
    maxBackupAgeHours: site.maxBackupAgeHours,
    backups: sorted.length,
    succeeded,
    failed,
    successRate: rate(succeeded, failed),
    totalBytes: sizes.reduce((a, b) => a + b, 0),
    minBytes: sizes.length ? Math.min(...sizes) : null,
    maxBytes: sizes.length ? Math.max(...sizes) : null,
    latestBytes: [...good].reverse().find((e) => e.sizeBytes !== null)?.sizeBytes ?? null,
    lastGoodAt: lastGood === null ? null : new Date(lastGood).toISOString(),
    freshShare: freshShare(goodTimes, start, asOf, maxAgeMs),
    state,
    lastBackups: sorted.slice(-LAST_BACKUPS).reverse(),
  }
}

export function buildReport(i: ReportInput): ClientReport {
  const bySite = new Map<string, ReportBackup[]>(i.sites.map((s) => [s.id, []]))
  for (const r of i.runs) bySite.get(r.siteId)?.push(fromRun(r))
  for (const a of i.foreign) bySite.get(a.siteId)?.push(fromArchive(a))
  const sites = i.sites.map((s) => siteReport(s, bySite.get(s.id) ?? [], i.goodBefore.get(s.id), i))
  const states: Record<ReportSiteState, number> = { ok: 0, too_old: 0, failed: 0, never: 0 }
  for (const s of sites) states[s.state]++
  const shares = sites.map((s) => s.freshShare).filter((x): x is number => x !== null)
  const succeeded = sites.reduce((a, s) => a + s.succeeded, 0)
  const failed = sites.reduce((a, s) => a + s.failed, 0)
  const lastGoods = sites.map((s) => s.lastGoodAt).filter((x): x is string => x !== null)
  const totals: ReportTotals = {
    sites: sites.length,
    backups: succeeded + failed,
    succeeded,
    failed,
    successRate: rate(succeeded, failed),
    totalBytes: sites.reduce((a, s) => a + s.totalBytes, 0),
    states,
    freshShare: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null,
    lastGoodAt: lastGoods.length ? lastGoods.sort().at(-1)! : null,
  }
  return {
    tag: i.tag,
    from: i.from.toISOString(),
    to: i.to.toISOString(),
    asOf: new Date(Math.min(i.to.getTime(), i.now.getTime())).toISOString(),
    generatedAt: i.now.toISOString(),
    totals,
    sites,
  }
}
