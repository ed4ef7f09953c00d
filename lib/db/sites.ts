// Sites: DTOs (never the key), creation, updates, and each site's backup state at a glance.
import { db } from './client'
import { siteBackupState, type SiteBackupState } from '../sites/backup-state'
import { nextBackupBySite } from './schedules'

export interface SiteDto {
  id: string
  name: string
  baseUrl: string
  endpointUrl: string | null
  platform: string | null
  apiLevel: number | null
  akeebaVersion: string | null
  edition: string | null
  defaultProfileId: number
  hostGroup: string | null
  hostKey: string
  tags: string[]
  maxBackupAgeHours: number
  connectionStatus: string
  connectionError: string | null
  lastCheckedAt: string | null
  isDemo: boolean
  archivesSyncedAt: string | null
  createdAt: string
  profiles: { id: number; name: string }[]
  backupState: SiteBackupState
  activeRun: { id: string; status: string; progress: number; domain: string | null; startedAt: string | null } | null
  lastRun: { id: string; status: string; finishedAt: string | null; errorMessage: string | null; warningsCount: number } | null
  lastSuccessAt: string | null
  /** Start of the next scheduled backup (enabled schedules on the site or one of its tags, stagger included). */
  nextBackupAt: string | null
}

// The site row without keyCiphertext (STYLE.md rule 2).
export const siteSelect = {
  id: true, name: true, baseUrl: true, endpointUrl: true, platform: true, apiLevel: true, akeebaVersion: true,
  edition: true, defaultProfileId: true, hostGroup: true, hostKey: true, tags: true, maxBackupAgeHours: true,
  connectionStatus: true, connectionError: true, lastCheckedAt: true, isDemo: true, archivesSyncedAt: true, createdAt: true,
  profiles: { select: { remoteId: true, name: true }, orderBy: { remoteId: 'asc' as const } },
} as const

type SiteRow = Awaited<ReturnType<typeof loadSites>>[number]

function loadSites(where: { id?: string } = {}) {
  return db().site.findMany({ where, select: siteSelect, orderBy: { name: 'asc' } })
}

const runBrief = { id: true, siteId: true, status: true, progress: true, domain: true, startedAt: true, finishedAt: true, errorMessage: true, warningsCount: true, remoteRecordId: true } as const

type RunBrief = { id: string; siteId: string; status: string; progress: number; domain: string | null; startedAt: Date | null; finishedAt: Date | null; errorMessage: string | null; warningsCount: number; remoteRecordId: number | null }

/** Each site's latest finished run among `statuses`, in three queries whatever the fleet size. */
async function latestRunPerSite(ids: string[], statuses: string[]): Promise<Map<string, RunBrief>> {
  const d = db()
  const maxes = await d.backupRun.groupBy({ by: ['siteId'], where: { siteId: { in: ids }, status: { in: statuses } }, _max: { finishedAt: true } })
  const times = maxes.map((m) => m._max.finishedAt).filter((t): t is Date => t !== null)
  if (times.length === 0) return new Map()
  const rows = await d.backupRun.findMany({ where: { siteId: { in: ids }, status: { in: statuses }, finishedAt: { in: times } }, select: runBrief })
  const byTime = new Map(maxes.map((m) => [m.siteId, m._max.finishedAt?.getTime()]))
  const out = new Map<string, RunBrief>()
  for (const r of rows) if (r.finishedAt?.getTime() === byTime.get(r.siteId)) out.set(r.siteId, r)
  return out
}

async function decorate(rows: SiteRow[]): Promise<SiteDto[]> {
  if (rows.length === 0) return []
  const d = db()
  const ids = rows.map((r) => r.id)
  const [active, lastRuns, lastOks, latestArchiveTimes, nextBackups] = await Promise.all([
    d.backupRun.findMany({ where: { siteId: { in: ids }, status: { in: ['queued', 'running'] } }, select: runBrief, orderBy: { createdAt: 'asc' } }),
    // Cancelled runs say nothing about the site's backups: the last finished run that does.
    latestRunPerSite(ids, ['succeeded', 'failed', 'timed_out']),
    latestRunPerSite(ids, ['succeeded']),
    d.archive.groupBy({ by: ['siteId'], where: { siteId: { in: ids }, status: 'complete' }, _max: { backupEnd: true } }),
    nextBackupBySite(rows.map((r) => ({ id: r.id, tags: JSON.parse(r.tags) as string[] }))),
  ])
  // The archive of each site's last good run (or, for sites never backed up by us, its latest complete
  // archive), to tell "backed up" from "files removed".
  const okRunIds = [...lastOks.values()].map((r) => r.id)
  const archiveEnds = latestArchiveTimes.map((a) => a._max.backupEnd).filter((t): t is Date => t !== null)
  const archiveSelect = { siteId: true, runId: true, meta: true, filesExist: true, goneFromSite: true, backupEnd: true } as const
  const candidates = await d.archive.findMany({
    where: { siteId: { in: ids }, status: 'complete', OR: [{ runId: { in: okRunIds } }, { backupEnd: { in: archiveEnds } }] },
    select: archiveSelect,
  })
  const activeBySite = new Map<string, RunBrief>()
  for (const a of active) if (!activeBySite.has(a.siteId) || a.status === 'running') activeBySite.set(a.siteId, a)
  const latestEnd = new Map(latestArchiveTimes.map((a) => [a.siteId, a._max.backupEnd?.getTime()]))
  const archiveOfRun = new Map<string, (typeof candidates)[number]>()
  const latestArchiveOf = new Map<string, (typeof candidates)[number]>()
  for (const a of candidates) {
    if (a.runId) archiveOfRun.set(a.runId, a)
    if (a.backupEnd?.getTime() === latestEnd.get(a.siteId)) latestArchiveOf.set(a.siteId, a)
  }
  const now = Date.now()
  return rows.map((r) => {
    const act = activeBySite.get(r.id) ?? null
    const last = lastRuns.get(r.id) ?? null
    const lastOk = lastOks.get(r.id) ?? null
    const latestArchive = latestArchiveOf.get(r.id) ?? null
    const lastSuccessAt = lastOk?.finishedAt ?? latestArchive?.backupEnd ?? null
    const okArchive = lastOk ? archiveOfRun.get(lastOk.id) ?? null : latestArchive
    const state = siteBackupState({
      connectionStatus: r.connectionStatus,
      running: act?.status === 'running',
      lastStatus: last?.status ?? null,
      lastFinishedAt: last?.finishedAt ?? null,
      lastSuccessAt,
      latestArchiveUsable: okArchive ? !okArchive.goneFromSite && (okArchive.meta === 'ok' || okArchive.meta === 'remote' || okArchive.filesExist) : null,
      maxAgeMs: r.maxBackupAgeHours * 3_600_000,
      now,
    })
    return {
      id: r.id, name: r.name, baseUrl: r.baseUrl, endpointUrl: r.endpointUrl, platform: r.platform, apiLevel: r.apiLevel,
      akeebaVersion: r.akeebaVersion, edition: r.edition, defaultProfileId: r.defaultProfileId, hostGroup: r.hostGroup,
      hostKey: r.hostKey, tags: JSON.parse(r.tags) as string[], maxBackupAgeHours: r.maxBackupAgeHours,
      connectionStatus: r.connectionStatus, connectionError: r.connectionError, lastCheckedAt: r.lastCheckedAt?.toISOString() ?? null,
      isDemo: r.isDemo, archivesSyncedAt: r.archivesSyncedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
      profiles: r.profiles.map((p) => ({ id: p.remoteId, name: p.name })),
      backupState: state,
      activeRun: act ? { id: act.id, status: act.status, progress: act.progress, domain: act.domain, startedAt: act.startedAt?.toISOString() ?? null } : null,
      lastRun: last ? { id: last.id, status: last.status, finishedAt: last.finishedAt?.toISOString() ?? null, errorMessage: last.errorMessage, warningsCount: last.warningsCount } : null,
      lastSuccessAt: lastSuccessAt?.toISOString() ?? null,
      nextBackupAt: nextBackups.get(r.id)?.toISOString() ?? null,
    }
  })
}

export async function listSites(): Promise<SiteDto[]> {
  return decorate(await loadSites())
}

export async function getSite(id: string): Promise<SiteDto | null> {
  const [s] = await decorate(await loadSites({ id }))
  return s ?? null
}

export interface SiteWrite {
  name: string
  baseUrl: string
  keyCiphertext: string
  hostGroup: string | null
  hostKey: string
  tags: string[]
  maxBackupAgeHours?: number
  defaultProfileId?: number
  isDemo?: boolean
}

export interface Connection {
  endpointUrl: string | null
  platform: string | null
  apiLevel: number | null
  akeebaVersion: string | null
  edition: string | null
  connectionStatus: string
  connectionError: string | null
  profiles: { id: number; name: string }[]
  defaultProfileId?: number
}

function connectionData(c: Connection) {
  return {
    endpointUrl: c.endpointUrl, platform: c.platform, apiLevel: c.apiLevel, akeebaVersion: c.akeebaVersion, edition: c.edition,
    connectionStatus: c.connectionStatus, connectionError: c.connectionError, lastCheckedAt: new Date(),
    ...(c.defaultProfileId !== undefined ? { defaultProfileId: c.defaultProfileId } : {}),
  }
}

export async function insertSite(w: SiteWrite, c: Connection): Promise<string> {
  const s = await db().site.create({
    data: {
      name: w.name, baseUrl: w.baseUrl, keyCiphertext: w.keyCiphertext, hostGroup: w.hostGroup, hostKey: w.hostKey,
      tags: JSON.stringify(w.tags), maxBackupAgeHours: w.maxBackupAgeHours ?? 168, isDemo: w.isDemo ?? false,
      ...connectionData(c),
      profiles: { create: c.profiles.map((p) => ({ remoteId: p.id, name: p.name })) },
    },
    select: { id: true },
  })
  return s.id
}

export async function updateSiteRow(id: string, w: Partial<SiteWrite>): Promise<void> {
  await db().site.update({
    where: { id },
    data: {
      ...(w.name !== undefined ? { name: w.name } : {}),
      ...(w.baseUrl !== undefined ? { baseUrl: w.baseUrl } : {}),
      ...(w.keyCiphertext !== undefined ? { keyCiphertext: w.keyCiphertext } : {}),
      ...(w.hostGroup !== undefined ? { hostGroup: w.hostGroup } : {}),
      ...(w.hostKey !== undefined ? { hostKey: w.hostKey } : {}),
      ...(w.tags !== undefined ? { tags: JSON.stringify(w.tags) } : {}),
      ...(w.maxBackupAgeHours !== undefined ? { maxBackupAgeHours: w.maxBackupAgeHours } : {}),
      ...(w.defaultProfileId !== undefined ? { defaultProfileId: w.defaultProfileId } : {}),
    },
  })
}

export async function saveConnection(id: string, c: Connection): Promise<void> {
  const d = db()
  await d.$transaction(async (tx) => {
    await tx.site.update({ where: { id }, data: connectionData(c) })
    if (c.connectionStatus === 'ok') {
      await tx.profile.deleteMany({ where: { siteId: id } })
      if (c.profiles.length) await tx.profile.createMany({ data: c.profiles.map((p) => ({ siteId: id, remoteId: p.id, name: p.name })) })
    }
  })
}

export async function deleteSiteRow(id: string): Promise<boolean> {
  const n = await db().site.deleteMany({ where: { id } })
  return n.count === 1
}

export async function siteExists(id: string): Promise<{ id: string; hostKey: string; defaultProfileId: number; connectionStatus: string; name: string } | null> {
  return db().site.findUnique({ where: { id }, select: { id: true, hostKey: true, defaultProfileId: true, connectionStatus: true, name: true } })
}

export async function allTags(): Promise<string[]> {
  const rows = await db().site.findMany({ select: { tags: true } })
  return [...new Set(rows.flatMap((r) => JSON.parse(r.tags) as string[]))].sort()
}
