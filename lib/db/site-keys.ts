// Writes that replace a site's encrypted key: a new address proven with a new key (one update, so the
// address, the endpoint found there and the key never disagree), and re-encrypting every stored key
// under a new secret (one transaction). Reading the key for a call stays in site-secrets.ts.
import { db } from './client'
import type { Connection } from './sites'

export interface SiteAddress {
  baseUrl: string
  hostKey: string
  keyCiphertext: string
}

/** Stores a site's address, key and the connection found there together, profiles included. */
export async function replaceSiteAddress(id: string, a: SiteAddress, c: Connection): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.site.update({
      where: { id },
      data: {
        baseUrl: a.baseUrl,
        hostKey: a.hostKey,
        keyCiphertext: a.keyCiphertext,
        endpointUrl: c.endpointUrl,
        platform: c.platform,
        apiLevel: c.apiLevel,
        akeebaVersion: c.akeebaVersion,
        edition: c.edition,
        connectionStatus: c.connectionStatus,
        connectionError: c.connectionError,
        lastCheckedAt: new Date(),
        ...(c.defaultProfileId !== undefined ? { defaultProfileId: c.defaultProfileId } : {}),
      },
    })
    await tx.profile.deleteMany({ where: { siteId: id } })
    if (c.profiles.length)
      await tx.profile.createMany({ data: c.profiles.map((p) => ({ siteId: id, remoteId: p.id, name: p.name })) })
  })
}

/** One stored ciphertext (the start-up check decrypts it); null when there are no sites. */
export async function anySiteKeyCiphertext(): Promise<{ siteId: string; keyCiphertext: string } | null> {
  const row = await db().site.findFirst({ select: { id: true, keyCiphertext: true }, orderBy: { createdAt: 'asc' } })
  return row ? { siteId: row.id, keyCiphertext: row.keyCiphertext } : null
}

/**
 * Rewrites every site's ciphertext with `rewrite` inside one transaction: if `rewrite` throws for any
 * site, nothing is written. Returns how many keys were rewritten.
 */
export async function rewriteAllSiteKeys(rewrite: (ciphertext: string, siteId: string) => string): Promise<number> {
  return db().$transaction(
    async (tx) => {
      const rows = await tx.site.findMany({ select: { id: true, keyCiphertext: true }, orderBy: { id: 'asc' } })
      const next = rows.map((r) => ({ id: r.id, keyCiphertext: rewrite(r.keyCiphertext, r.id) }))
      for (const r of next) await tx.site.update({ where: { id: r.id }, data: { keyCiphertext: r.keyCiphertext } })
      return next.length
    },
    { timeout: 120_000 },
  )
}
