// Archive rows mirror the site's backup records (listBackups), linked to our run when it was ours.
import type { BackupRecord } from '../akeeba/types'
import type { ArchiveDto } from '../domain/archives'
import { db } from './client'

const select = {
  id: true,
  siteId: true,
  remoteId: true,
  runId: true,
  description: true,
  comment: true,
  status: true,
  meta: true,
  type: true,
  origin: true,
  profileId: true,
  archiveName: true,
  multipart: true,
  totalSize: true,
  backupStart: true,
  backupEnd: true,
  filesExist: true,
  remoteFilename: true,
  parts: true,
  goneFromSite: true,
  syncedAt: true,
  site: { select: { name: true, isDemo: true } },
} as const

type Row = Awaited<ReturnType<ReturnType<typeof db>['archive']['findFirstOrThrow']>> & {
  site: { name: string; isDemo: boolean }
}

function toArchiveDto(a: Row): ArchiveDto {
  return {
    id: a.id,
    siteId: a.siteId,
    siteName: a.site.name,
    siteIsDemo: a.site.isDemo,
    remoteId: a.remoteId,
    runId: a.runId,
    description: a.description,
    comment: a.comment,
    status: a.status,
    meta: a.meta,
    type: a.type,
    origin: a.origin,
    profileId: a.profileId,
    archiveName: a.archiveName,
    multipart: a.multipart,
    totalSize: Number(a.totalSize),
    backupStart: a.backupStart?.toISOString() ?? null,
    backupEnd: a.backupEnd?.toISOString() ?? null,
    durationMs: a.backupStart && a.backupEnd ? a.backupEnd.getTime() - a.backupStart.getTime() : null,
    filesExist: a.filesExist,
    remoteFilename: a.remoteFilename,
    parts: a.parts ? (JSON.parse(a.parts) as ArchiveDto['parts']) : null,
    goneFromSite: a.goneFromSite,
    syncedAt: a.syncedAt.toISOString(),
  }
}

export async function listArchives(
  f: { siteId?: string; includeGone?: boolean; limit?: number } = {},
): Promise<ArchiveDto[]> {
  const rows = await db().archive.findMany({
    where: { ...(f.siteId ? { siteId: f.siteId } : {}), ...(f.includeGone ? {} : { goneFromSite: false }) },
    orderBy: [{ backupStart: 'desc' }, { remoteId: 'desc' }],
    take: Math.min(f.limit ?? 200, 1000),
    select,
  })
  return rows.map((r) => toArchiveDto(r as Row))
}

export async function getArchive(id: string): Promise<ArchiveDto | null> {
  const r = await db().archive.findUnique({ where: { id }, select })
  return r ? toArchiveDto(r as Row) : null
}

/** Akeeba's times are "YYYY-MM-DD HH:MM:SS" in UTC (akeeba-protocol.md §5). */
function parseAkeebaTime(s: string | null): Date | null {
  if (!s || s.startsWith('0000')) return null
  const d = new Date(s.replace(' ', 'T') + 'Z')
  return Number.isNaN(d.getTime()) ? null : d
}

function fields(r: BackupRecord) {
  return {
    description: r.description,
    comment: r.comment,
    status: r.status,
    meta: r.meta,
    type: r.type,
    origin: r.origin,
    profileId: r.profileId,
    archiveName: r.archivename,
    multipart: r.multipart,
    totalSize: BigInt(Math.max(0, Math.round(r.size ?? r.totalSize ?? 0))),
    backupStart: parseAkeebaTime(r.backupstart),
    backupEnd: parseAkeebaTime(r.backupend),
    filesExist: r.meta ? r.meta === 'ok' : r.filesexist,
    remoteFilename: r.remoteFilename,
    ...(r.filenames.length ? { parts: JSON.stringify(r.filenames) } : {}),
    goneFromSite: false,
    syncedAt: new Date(),
  }
}

/**
 * Upserts the site's records. With `complete` (the whole list was read), records we have that the
 * site no longer lists are marked gone. `claimedRuns` maps a record id to the run id it claims to
 * belong to; the link is made only when that run is this site's.
 */
export async function upsertArchives(
  siteId: string,
  records: BackupRecord[],
  complete: boolean,
  claimedRuns: Map<number, string> = new Map(),
): Promise<number> {
  const d = db()
  const seen: number[] = []
  const claimed = [...new Set(claimedRuns.values())]
  const ours = new Set(
    claimed.length
      ? (await d.backupRun.findMany({ where: { id: { in: claimed }, siteId }, select: { id: true } })).map((r) => r.id)
      : [],
  )
  for (const r of records) {
    seen.push(r.id)
    const claim = claimedRuns.get(r.id)
    const runId = claim && ours.has(claim) ? claim : null
    await d.archive.upsert({
      where: { siteId_remoteId: { siteId, remoteId: r.id } },
      create: { siteId, remoteId: r.id, runId, ...fields(r) },
      update: { ...fields(r), ...(runId ? { runId } : {}) },
    })
  }
  if (complete) {
    await d.archive.updateMany({
      where: { siteId, remoteId: { notIn: seen }, goneFromSite: false },
      data: { goneFromSite: true, filesExist: false },
    })
  }
  await d.site.update({ where: { id: siteId }, data: { archivesSyncedAt: new Date() } })
  return records.length
}

/** Links our run to its archive record and stores the part list (getBackupInfo has it, listBackups not). */
export async function linkRunArchive(
  siteId: string,
  remoteId: number,
  runId: string,
  parts: BackupRecord['filenames'],
): Promise<void> {
  await db().archive.updateMany({
    where: { siteId, remoteId },
    data: { runId, ...(parts.length ? { parts: JSON.stringify(parts) } : {}) },
  })
}

/** Each site's newest complete archive's end time (sites without one are absent). */
export async function latestCompleteArchiveEnds(siteIds: string[]): Promise<Map<string, Date>> {
  const rows = await db().archive.groupBy({
    by: ['siteId'],
    where: { siteId: { in: siteIds }, status: 'complete' },
    _max: { backupEnd: true },
  })
  const out = new Map<string, Date>()
  for (const r of rows) if (r._max.backupEnd) out.set(r.siteId, r._max.backupEnd)
  return out
}

/** What a site's state at a glance needs of an archive. */
export interface ArchiveBrief {
  siteId: string
  runId: string | null
  meta: string | null
  filesExist: boolean
  goneFromSite: boolean
  backupEnd: Date | null
}

/** The complete archives of these sites made by one of `runIds` or ending at one of `backupEnds`. */
export function completeArchivesOf(
  siteIds: string[],
  by: { runIds: string[]; backupEnds: Date[] },
): Promise<ArchiveBrief[]> {
  return db().archive.findMany({
    where: {
      siteId: { in: siteIds },
      status: 'complete',
      OR: [{ runId: { in: by.runIds } }, { backupEnd: { in: by.backupEnds } }],
    },
    select: { siteId: true, runId: true, meta: true, filesExist: true, goneFromSite: true, backupEnd: true },
  })
}
