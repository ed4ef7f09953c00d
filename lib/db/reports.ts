// What a client report reads: the sites with a tag, their finished runs and backup records in a
// period, and each site's last good backup before it (for freshness at the period's start). A fixed
// number of queries whatever the number of sites; lib/reports does the arithmetic.
import { db } from './client'

export interface ReportSiteRow {
  id: string
  name: string
  baseUrl: string
  tags: string[]
  maxBackupAgeHours: number
  isDemo: boolean
  createdAt: Date
}

export interface ReportRunRow {
  id: string
  siteId: string
  status: string
  trigger: string
  backupType: string | null
  description: string | null
  errorMessage: string | null
  warningsCount: number
  startedAt: Date | null
  finishedAt: Date
  /** The size of the archive this run made, when its record is known. */
  archiveSize: number | null
}

export interface ReportArchiveRow {
  siteId: string
  status: string
  origin: string
  description: string
  totalSize: number
  backupStart: Date | null
  backupEnd: Date
}

/** Sites carrying `tag` (tags are stored as a JSON list: filtered here, not in SQL, for both databases). */
export async function sitesWithTag(tag: string): Promise<ReportSiteRow[]> {
  const rows = await db().site.findMany({
    select: { id: true, name: true, baseUrl: true, tags: true, maxBackupAgeHours: true, isDemo: true, createdAt: true },
    orderBy: { name: 'asc' },
  })
  return rows
    .map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }))
    .filter((r) => r.tags.some((t) => t.toLowerCase() === tag.toLowerCase()))
}

/** Every tag with the number of sites carrying it. */
export async function tagCounts(): Promise<{ tag: string; sites: number }[]> {
  const rows = await db().site.findMany({ select: { tags: true } })
  const counts = new Map<string, number>()
  for (const r of rows) for (const t of new Set(JSON.parse(r.tags) as string[])) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts].map(([tag, sites]) => ({ tag, sites })).sort((a, b) => a.tag.localeCompare(b.tag))
}

/** Runs of these sites that finished in [from, to) with one of `statuses`, oldest first. */
export async function finishedRunsIn(
  siteIds: string[],
  from: Date,
  to: Date,
  statuses: readonly string[],
): Promise<ReportRunRow[]> {
  if (!siteIds.length) return []
  const rows = await db().backupRun.findMany({
    where: { siteId: { in: siteIds }, status: { in: [...statuses] }, finishedAt: { gte: from, lt: to } },
    select: {
      id: true,
      siteId: true,
      status: true,
      trigger: true,
      backupType: true,
      description: true,
      errorMessage: true,
      warningsCount: true,
      startedAt: true,
      finishedAt: true,
      archive: { select: { totalSize: true } },
    },
    orderBy: [{ finishedAt: 'asc' }, { id: 'asc' }],
  })
  return rows.map(({ archive, finishedAt, ...r }) => ({
    ...r,
    finishedAt: finishedAt!,
    archiveSize: archive ? Number(archive.totalSize) : null,
  }))
}

/**
 * Backup records of these sites that ended in [from, to) and were not made by one of our runs (the
 * site's own schedule, someone in the site's admin): they are backups too.
 */
export async function foreignArchivesIn(siteIds: string[], from: Date, to: Date): Promise<ReportArchiveRow[]> {
  if (!siteIds.length) return []
  const rows = await db().archive.findMany({
    where: {
      siteId: { in: siteIds },
      runId: null,
      status: { in: ['complete', 'fail'] },
      backupEnd: { gte: from, lt: to },
    },
    select: {
      siteId: true,
      status: true,
      origin: true,
      description: true,
      totalSize: true,
      backupStart: true,
      backupEnd: true,
    },
    orderBy: { backupEnd: 'asc' },
  })
  return rows.map((r) => ({ ...r, totalSize: Number(r.totalSize), backupEnd: r.backupEnd! }))
}

/** Each site's last good backup before `at`: a succeeded run's finish or a complete record's end. */
export async function lastGoodBefore(siteIds: string[], at: Date): Promise<Map<string, Date>> {
  const out = new Map<string, Date>()
  if (!siteIds.length) return out
  const [runs, archives] = await Promise.all([
    db().backupRun.groupBy({
      by: ['siteId'],
      where: { siteId: { in: siteIds }, status: 'succeeded', finishedAt: { lt: at } },
      _max: { finishedAt: true },
    }),
    db().archive.groupBy({
      by: ['siteId'],
      where: { siteId: { in: siteIds }, status: 'complete', backupEnd: { lt: at } },
      _max: { backupEnd: true },
    }),
  ])
  const keep = (siteId: string, d: Date | null) => {
    if (d && (!out.has(siteId) || out.get(siteId)! < d)) out.set(siteId, d)
  }
  for (const r of runs) keep(r.siteId, r._max.finishedAt)
  for (const a of archives) keep(a.siteId, a._max.backupEnd)
  return out
}
