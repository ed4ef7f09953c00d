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

async function decorate(rows: SiteRow[]): Promise<SiteDto[]> {
  if (rows.length === 0) return []
  const d = db()
  const ids = rows.map((r) => r.id)
  const [active, recent, archives, nextBackups] = await Promise.all([
    d.backupRun.findMany({ where: { siteId: { in: ids }, status: { in: ['queued', 'running'] } }, select: runBrief, orderBy: { createdAt: 'asc' } }),
    // The latest finished run per site and the latest success per site.
    d.backupRun.findMany({ where: { siteId: { in: ids }, status: { in: ['succeeded', 'failed', 'timed_out', 'cancelled'] } }, select: runBrief, orderBy: { finishedAt: 'desc' }, take: Math.max(200, ids.length * 5) }),
    d.archive.findMany({ where: { siteId: { in: ids }, status: 'complete' }, select: { siteId: true, runId: true, remoteId: true, meta: true, filesExist: true, goneFromSite: true, backupEnd: true }, orderBy: { backupEnd: 'desc' } }),
    nextBackupBySite(rows.map((r) => ({ id: r.id, tags: JSON.parse(r.tags) as string[] }))),
  ])
  const now = Date.now()
  return rows.map((r) => {
    const act = active.find((a) => a.siteId === r.id && a.status === 'running') ?? active.find((a) => a.siteId === r.id) ?? null
    const last = recent.find((x) => x.siteId === r.id && x.status !== 'cancelled') ?? null
    const lastOk = recent.find((x) => x.siteId === r.id && x.status === 'succeeded') ?? null
    const siteArchives = archives.filter((a) => a.siteId === r.id)
    const latestArchive = siteArchives[0] ?? null
    const lastSuccessAt = lastOk?.finishedAt ?? latestArchive?.backupEnd ?? null
    const okArchive = lastOk ? siteArchives.find((a) => a.runId === lastOk.id) ?? null : latestArchive
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
