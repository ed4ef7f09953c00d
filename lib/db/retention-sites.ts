// What retention needs of a site: its scope facts, whether it refused deletes, and a lease so only
// one process applies retention to it at a time (every other writer checks the lease first).
import type { Prisma } from '../../generated/sqlite/client'
import { db } from './client'

export interface RetentionSite {
  id: string
  name: string
  tags: string[]
  archivesSyncedAt: Date | null
  lastCheckedAt: Date | null
  refusedAt: Date | null
  refusal: string | null
  retryAt: Date | null
}

const SELECT = {
  id: true,
  name: true,
  tags: true,
  archivesSyncedAt: true,
  lastCheckedAt: true,
  retentionRefusedAt: true,
  retentionRefusal: true,
  retentionRetryAt: true,
} as const satisfies Prisma.SiteSelect

const tagsOf = (s: string): string[] => {
  try {
    const v: unknown = JSON.parse(s)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

type Row = Prisma.SiteGetPayload<{ select: typeof SELECT }>

const toSite = (r: Row): RetentionSite => ({
  id: r.id,
  name: r.name,
  tags: tagsOf(r.tags),
  archivesSyncedAt: r.archivesSyncedAt,
  lastCheckedAt: r.lastCheckedAt,
  refusedAt: r.retentionRefusedAt,
  refusal: r.retentionRefusal,
  retryAt: r.retentionRetryAt,
})

export async function retentionSites(where: { id?: string } = {}): Promise<RetentionSite[]> {
  const rows = await db().site.findMany({ where, select: SELECT, orderBy: { name: 'asc' } })
  return rows.map(toSite)
}

/** Takes the site's retention lease when it is free or expired; false when another process holds it. */
export async function claimSiteLease(siteId: string, owner: string, ms: number): Promise<boolean> {
  const now = new Date()
  const n = await db().site.updateMany({
    where: {
      id: siteId,
      OR: [{ retentionLeaseUntil: null }, { retentionLeaseUntil: { lt: now } }, { retentionLeaseOwner: owner }],
    },
    data: { retentionLeaseOwner: owner, retentionLeaseUntil: new Date(now.getTime() + ms) },
  })
  return n.count === 1
}

/** Extends our lease; false when it was lost (expired and taken by another process). */
export async function renewSiteLease(siteId: string, owner: string, ms: number): Promise<boolean> {
  const n = await db().site.updateMany({
    where: { id: siteId, retentionLeaseOwner: owner },
    data: { retentionLeaseUntil: new Date(Date.now() + ms) },
  })
  return n.count === 1
}

export async function releaseSiteLease(siteId: string, owner: string): Promise<void> {
  await db().site.updateMany({
    where: { id: siteId, retentionLeaseOwner: owner },
    data: { retentionLeaseOwner: null, retentionLeaseUntil: null },
  })
}

/** The site refused a delete: remember when and what it said, and when to ask again. */
export async function markSiteRefuses(siteId: string, message: string, retryAt: Date): Promise<void> {
  await db().site.update({
    where: { id: siteId },
    data: { retentionRefusedAt: new Date(), retentionRefusal: message.slice(0, 2000), retentionRetryAt: retryAt },
  })
}

export async function clearSiteRefusal(siteId: string): Promise<void> {
  await db().site.updateMany({
    where: { id: siteId, retentionRefusedAt: { not: null } },
    data: { retentionRefusedAt: null, retentionRefusal: null, retentionRetryAt: null },
  })
}
