// Sites: rows to records (never the key), creation, updates, and the columns other modules need.
import { db } from './client'
import type { SiteDto } from '../domain/sites'

/** A site's own columns as the API shows them; lib/sites adds what its runs and archives say. */
export type SiteRecord = Omit<SiteDto, 'backupState' | 'activeRun' | 'lastRun' | 'lastSuccessAt' | 'nextBackupAt'>

// The site row without keyCiphertext (STYLE.md rule 2).
const siteSelect = {
  id: true,
  name: true,
  baseUrl: true,
  endpointUrl: true,
  platform: true,
  apiLevel: true,
  akeebaVersion: true,
  edition: true,
  defaultProfileId: true,
  hostGroup: true,
  hostKey: true,
  tags: true,
  maxBackupAgeHours: true,
  connectionStatus: true,
  connectionError: true,
  lastCheckedAt: true,
  isDemo: true,
  archivesSyncedAt: true,
  createdAt: true,
  profiles: { select: { remoteId: true, name: true }, orderBy: { remoteId: 'asc' as const } },
} as const

/** All sites by name, or the one with `id` (an empty list when it does not exist). */
export async function findSites(where: { id?: string } = {}): Promise<SiteRecord[]> {
  const rows = await db().site.findMany({ where, select: siteSelect, orderBy: { name: 'asc' } })
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    baseUrl: r.baseUrl,
    endpointUrl: r.endpointUrl,
    platform: r.platform,
    apiLevel: r.apiLevel,
    akeebaVersion: r.akeebaVersion,
    edition: r.edition,
    defaultProfileId: r.defaultProfileId,
    hostGroup: r.hostGroup,
    hostKey: r.hostKey,
    tags: JSON.parse(r.tags) as string[],
    maxBackupAgeHours: r.maxBackupAgeHours,
    connectionStatus: r.connectionStatus,
    connectionError: r.connectionError,
    lastCheckedAt: r.lastCheckedAt?.toISOString() ?? null,
    isDemo: r.isDemo,
    archivesSyncedAt: r.archivesSyncedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    profiles: r.profiles.map((p) => ({ id: p.remoteId, name: p.name })),
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
