// Archive rows mirror the site's backup records (listBackups), linked to our run when it was ours.
import type { Prisma } from '../../generated/sqlite/client'
import type { BackupRecord } from '../akeeba/types'
import type { ArchiveDto } from '../domain/archives'
import { randomUUID } from 'node:crypto'
import { config } from '../config'
import { db, dbKindOf } from './client'
import { asBool, asDate, rawRows, scopeFilter, sqlParams, type SiteScope } from './raw-read'

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
  frozen: true,
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
    frozen: a.frozen,
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

/** Every record of a site the site still lists, newest first (retention looks at all of them). */
export async function siteArchivesAll(siteId: string): Promise<ArchiveDto[]> {
  const rows = await db().archive.findMany({
    where: { siteId, goneFromSite: false },
    orderBy: [{ backupStart: 'desc' }, { remoteId: 'desc' }],
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
    frozen: r.frozen ?? false,
  }
}

type Fields = ReturnType<typeof fields>

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : a === b

/** Whether a stored row differs from the site's record in any field the record carries. */
function changed(cur: Record<string, unknown>, f: Fields): boolean {
  return (Object.keys(f) as (keyof Fields)[]).some((k) => !same(cur[k], f[k]))
}

// Well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535 per statement.
const CHUNK = 500

function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n))
  return out
}

const INSERT_COLUMNS = [
  'id',
  'siteId',
  'remoteId',
  'runId',
  'description',
  'comment',
  'status',
  'meta',
  'type',
  'origin',
  'profileId',
  'archiveName',
  'multipart',
  'totalSize',
  'backupStart',
  'backupEnd',
  'filesExist',
  'remoteFilename',
  'parts',
  'goneFromSite',
  'frozen',
  'syncedAt',
  'createdAt',
  'updatedAt',
] as const

/**
 * New archive rows in multi-row INSERTs of 200, in one transaction: Prisma's createMany spends about a
 * millisecond per row building the query, which is most of a first sync of tens of thousands of
 * records. Parameters go through the driver adapter, which stores dates and booleans as Prisma does.
 */
async function insertArchiveRows(rows: Prisma.ArchiveCreateManyInput[]): Promise<void> {
  if (rows.length === 0) return
  const pg = dbKindOf(config().DATABASE_URL) === 'postgresql'
  const cols = INSERT_COLUMNS.map((c) => `"${c}"`).join(', ')
  const now = new Date()
  await db().$transaction(
    async (tx) => {
      for (const batch of chunks(rows, 200)) {
        const params: unknown[] = []
        const tuples = batch.map((r) => {
          const values: Record<(typeof INSERT_COLUMNS)[number], unknown> = {
            id: randomUUID().replace(/-/g, ''), // the shape of Prisma's cuid ids: [a-z0-9]
            siteId: r.siteId,
            remoteId: r.remoteId,
            runId: r.runId ?? null,
            description: r.description ?? '',
            comment: r.comment ?? '',
            status: r.status,
            meta: r.meta ?? null,
            type: r.type ?? '',
            origin: r.origin ?? '',
            profileId: r.profileId ?? 1,
            archiveName: r.archiveName ?? '',
            multipart: r.multipart ?? 0,
            totalSize: BigInt(r.totalSize ?? 0),
            backupStart: r.backupStart ?? null,
            backupEnd: r.backupEnd ?? null,
            filesExist: r.filesExist ?? true,
            remoteFilename: r.remoteFilename ?? null,
            parts: r.parts ?? null,
            goneFromSite: r.goneFromSite ?? false,
            frozen: r.frozen ?? false,
            syncedAt: r.syncedAt ?? now,
            createdAt: now,
            updatedAt: now,
          }
          const marks = INSERT_COLUMNS.map((c) => {
            params.push(values[c])
            return pg ? `$${params.length}` : '?'
          })
          return `(${marks.join(', ')})`
        })
        await tx.$executeRawUnsafe(`INSERT INTO "Archive" (${cols}) VALUES ${tuples.join(', ')}`, ...params)
      }
    },
    { timeout: 120_000 },
  )
}

// The columns a sync compares and writes: the DTO's, without the site relation and the sync time.
const { site: _site, syncedAt: _syncedAt, ...storedSelect } = select

/**
 * Mirrors the site's records: new ones inserted in batches, changed ones updated, unchanged ones left
 * alone (a second sync of 40,000 records writes nothing). With `complete` (the whole list was read),
 * records we have that the site no longer lists are marked gone. `claimedRuns` maps a record id to the
 * run id it claims to belong to; the link is made only when that run is this site's. Every statement
 * works on at most CHUNK rows, so no list size reaches a database's parameter limit.
 */
export async function upsertArchives(
  siteId: string,
  records: BackupRecord[],
  complete: boolean,
  claimedRuns: Map<number, string> = new Map(),
): Promise<number> {
  const d = db()
  const now = new Date()
  const byId = new Map(records.map((r) => [r.id, r]))
  const ours = new Set<string>()
  for (const ids of chunks([...new Set(claimedRuns.values())])) {
    for (const r of await d.backupRun.findMany({ where: { id: { in: ids }, siteId }, select: { id: true } }))
      ours.add(r.id)
  }
  const existing = await d.archive.findMany({ where: { siteId }, select: storedSelect })
  const byRemote = new Map(existing.map((a) => [a.remoteId, a]))
  // runId is unique: a run already linked to a row is not linked to a second one.
  const linked = new Set(existing.map((a) => a.runId).filter((x): x is string => x !== null))
  const creates: Prisma.ArchiveCreateManyInput[] = []
  const updates: { id: string; data: Prisma.ArchiveUpdateInput }[] = []
  for (const r of byId.values()) {
    const f = fields(r)
    const claim = claimedRuns.get(r.id)
    const cur = byRemote.get(r.id)
    const runId = claim && ours.has(claim) && (cur?.runId === claim || !linked.has(claim)) ? claim : null
    if (runId) linked.add(runId)
    if (!cur) creates.push({ siteId, remoteId: r.id, runId, ...f, syncedAt: now })
    else if (changed(cur, f) || (runId !== null && cur.runId !== runId)) {
      updates.push({ id: cur.id, data: { ...f, syncedAt: now, ...(runId ? { run: { connect: { id: runId } } } : {}) } })
    }
  }
  await insertArchiveRows(creates)
  for (const batch of chunks(updates, 100)) {
    await d.$transaction(batch.map((u) => d.archive.update({ where: { id: u.id }, data: u.data })))
  }
  if (complete) {
    const gone = existing.filter((a) => !byId.has(a.remoteId) && !a.goneFromSite).map((a) => a.id)
    for (const ids of chunks(gone)) {
      await d.archive.updateMany({ where: { id: { in: ids } }, data: { goneFromSite: true, filesExist: false } })
    }
  }
  await d.site.update({ where: { id: siteId }, data: { archivesSyncedAt: now } })
  return byId.size
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

/** What a site's state at a glance needs of an archive. */
export interface ArchiveBrief {
  siteId: string
  runId: string | null
  meta: string | null
  filesExist: boolean
  goneFromSite: boolean
  backupEnd: Date | null
}

const BRIEF_COLUMNS = 'a."siteId", a."runId", a."meta", a."filesExist", a."goneFromSite", a."backupEnd"'

function toBrief(r: Record<string, unknown>): ArchiveBrief {
  return {
    siteId: r.siteId as string,
    runId: r.runId as string | null,
    meta: r.meta as string | null,
    filesExist: asBool(r.filesExist),
    goneFromSite: asBool(r.goneFromSite),
    backupEnd: asDate(r.backupEnd),
  }
}

/** Each site's newest complete archive by its end time (sites without one are absent), in one query. */
export async function latestCompleteArchivePerSite(scope: SiteScope): Promise<Map<string, ArchiveBrief>> {
  const out = new Map<string, ArchiveBrief>()
  if (scope !== 'all' && scope.length === 0) return out
  const q = sqlParams()
  const complete = q.mark('complete')
  const rows = await rawRows(
    `SELECT ${BRIEF_COLUMNS} FROM "Site" s JOIN "Archive" a ON a."id" = (
       SELECT a2."id" FROM "Archive" a2
       WHERE a2."siteId" = s."id" AND a2."status" = ${complete} AND a2."backupEnd" IS NOT NULL
       ORDER BY a2."backupEnd" DESC LIMIT 1)
     WHERE 1 = 1${scopeFilter('s."id"', scope, q.mark)}`,
    q.params,
  )
  for (const r of rows) out.set(r.siteId as string, toBrief(r))
  return out
}

/** The complete archives made by these runs (an archive belongs to at most one run). */
export async function completeArchivesOfRuns(runIds: readonly string[]): Promise<ArchiveBrief[]> {
  if (runIds.length === 0) return []
  const q = sqlParams()
  const complete = q.mark('complete')
  const rows = await rawRows(
    `SELECT ${BRIEF_COLUMNS} FROM "Archive" a WHERE a."status" = ${complete} AND a."runId" IN (${q.list(runIds)})`,
    q.params,
  )
  return rows.map(toBrief)
}
