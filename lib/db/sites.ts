// Sites: rows to records (never the key), creation, updates, and the columns other modules need.
import { db } from './client'
import { asBool, asDate, asInt, asIntOrNull, rawRows, sqlParams } from './raw-read'
import type { SiteDto } from '../domain/sites'

/** A site's own columns as the API shows them; lib/sites adds what its runs and archives say. */
export type SiteRecord = Omit<SiteDto, 'backupState' | 'activeRun' | 'lastRun' | 'lastSuccessAt' | 'nextBackupAt'>

// The site row without keyCiphertext (STYLE.md rule 2).
const SITE_COLUMNS = [
  'id',
  'name',
  'baseUrl',
  'endpointUrl',
  'platform',
  'apiLevel',
  'akeebaVersion',
  'edition',
  'defaultProfileId',
  'hostGroup',
  'hostKey',
  'tags',
  'maxBackupAgeHours',
  'connectionStatus',
  'connectionError',
  'lastCheckedAt',
  'isDemo',
  'archivesSyncedAt',
  'createdAt',
] as const

const iso = (v: unknown) => asDate(v)?.toISOString() ?? null

/**
 * All sites by name, or the one with `id` (an empty list when it does not exist). Two plain queries
 * (the sites, their profiles) rather than Prisma's relation read: with 500 sites the query layer's
 * row building was most of the sites list's time (bench/scale.ts).
 */
export async function findSites(where: { id?: string } = {}): Promise<SiteRecord[]> {
  const s = sqlParams()
  const byId = where.id !== undefined ? ` WHERE "id" = ${s.mark(where.id)}` : ''
  const p = sqlParams()
  const profileFilter = where.id !== undefined ? ` WHERE "siteId" = ${p.mark(where.id)}` : ''
  const [rows, profiles] = await Promise.all([
    rawRows(`SELECT ${SITE_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "Site"${byId} ORDER BY "name" ASC`, s.params),
    rawRows<{ siteId: string; remoteId: unknown; name: string }>(
      `SELECT "siteId", "remoteId", "name" FROM "Profile"${profileFilter} ORDER BY "remoteId" ASC`,
      p.params,
    ),
  ])
  const profilesOf = new Map<string, { id: number; name: string }[]>()
  for (const pr of profiles) {
    const list = profilesOf.get(pr.siteId) ?? []
    list.push({ id: asInt(pr.remoteId), name: pr.name })
    profilesOf.set(pr.siteId, list)
  }
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    baseUrl: r.baseUrl as string,
    endpointUrl: r.endpointUrl as string | null,
    platform: r.platform as string | null,
    apiLevel: asIntOrNull(r.apiLevel),
    akeebaVersion: r.akeebaVersion as string | null,
    edition: r.edition as string | null,
    defaultProfileId: asInt(r.defaultProfileId),
    hostGroup: r.hostGroup as string | null,
    hostKey: r.hostKey as string,
    tags: JSON.parse(r.tags as string) as string[],
    maxBackupAgeHours: asInt(r.maxBackupAgeHours),
    connectionStatus: r.connectionStatus as string,
    connectionError: r.connectionError as string | null,
    lastCheckedAt: iso(r.lastCheckedAt),
    isDemo: asBool(r.isDemo),
    archivesSyncedAt: iso(r.archivesSyncedAt),
    createdAt: iso(r.createdAt) as string,
    profiles: profilesOf.get(r.id as string) ?? [],
  }))
}

/** Every site's name, tags and connection status, by name (bulk "Back up now" chooses from these). */
export async function listSiteChoices(): Promise<
  { id: string; name: string; tags: string[]; connectionStatus: string }[]
> {
  const rows = await db().site.findMany({
    select: { id: true, name: true, tags: true, connectionStatus: true },
    orderBy: { name: 'asc' },
  })
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }))
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
    endpointUrl: c.endpointUrl,
    platform: c.platform,
    apiLevel: c.apiLevel,
    akeebaVersion: c.akeebaVersion,
    edition: c.edition,
    connectionStatus: c.connectionStatus,
    connectionError: c.connectionError,
    lastCheckedAt: new Date(),
    ...(c.defaultProfileId !== undefined ? { defaultProfileId: c.defaultProfileId } : {}),
  }
}

export async function insertSite(w: SiteWrite, c: Connection): Promise<string> {
  const s = await db().site.create({
    data: {
      name: w.name,
      baseUrl: w.baseUrl,
      keyCiphertext: w.keyCiphertext,
      hostGroup: w.hostGroup,
      hostKey: w.hostKey,
      tags: JSON.stringify(w.tags),
      maxBackupAgeHours: w.maxBackupAgeHours ?? 168,
      isDemo: w.isDemo ?? false,
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

/** Stores a check's result; `replaceProfiles` also replaces the site's profile list with `c.profiles`. */
export async function saveConnection(id: string, c: Connection, replaceProfiles: boolean): Promise<void> {
  const d = db()
  await d.$transaction(async (tx) => {
    await tx.site.update({ where: { id }, data: connectionData(c) })
    if (replaceProfiles) {
      await tx.profile.deleteMany({ where: { siteId: id } })
      if (c.profiles.length)
        await tx.profile.createMany({ data: c.profiles.map((p) => ({ siteId: id, remoteId: p.id, name: p.name })) })
    }
  })
}

export async function deleteSiteRow(id: string): Promise<boolean> {
  const n = await db().site.deleteMany({ where: { id } })
  return n.count === 1
}

export async function siteExists(
  id: string,
): Promise<{ id: string; hostKey: string; defaultProfileId: number; connectionStatus: string; name: string } | null> {
  return db().site.findUnique({
    where: { id },
    select: { id: true, hostKey: true, defaultProfileId: true, connectionStatus: true, name: true },
  })
}

export async function allTags(): Promise<string[]> {
  const rows = await db().site.findMany({ select: { tags: true } })
  return [...new Set(rows.flatMap((r) => JSON.parse(r.tags) as string[]))].sort()
}
