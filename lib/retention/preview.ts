// Previews: what retention would do now, from each site's last read list, with the reason for every
// archive. A sweep computes the same selection after reading the list fresh (lib/retention/apply-site.ts).
import { siteArchivesAll } from '../db/archives'
import { retentionSites, type RetentionSite } from '../db/retention-sites'
import { notFound } from '../api/errors'
import type {
  RetentionArchive,
  RetentionPolicyDto,
  RetentionPreview,
  RetentionSummary,
  RetentionUnreadable,
  SiteRetentionDto,
} from '../domain/retention'
import { getPolicy, listPolicies, policiesFor } from './policies'
import { refusalActive, refusalDto, refusalMessage } from './refusal'
import { isGood, selectForSite, type Selection } from './select'

export function summarise(remove: RetentionArchive[]): RetentionSummary {
  return {
    removeCount: remove.length,
    siteCount: new Set(remove.map((a) => a.siteId)).size,
    bytes: remove.filter(isGood).reduce((n, a) => n + a.totalSize, 0),
  }
}

/** Why a site gets no removals in this pass, or null when it can be handled. */
function leftOut(s: RetentionSite, now: Date): string | null {
  if (!s.archivesSyncedAt) return 'its backup list has not been read yet'
  if (refusalActive(s, now)) return refusalMessage(s)
  return null
}

async function selectionOf(s: RetentionSite, policies: RetentionPolicyDto[], now: Date): Promise<Selection> {
  return selectForSite(await siteArchivesAll(s.id), policies, now.getTime())
}

/**
 * For the sites a policy covers: every archive kept or removed, counting every enabled policy that
 * covers each site (as a sweep does) plus this one even while it is disabled.
 */
export async function previewPolicy(id: string, now = new Date()): Promise<RetentionPreview> {
  const policy = await getPolicy(id)
  const enabled = (await listPolicies({ enabledOnly: true })).filter((p) => p.id !== policy.id)
  const keep: RetentionArchive[] = []
  const remove: RetentionArchive[] = []
  const unreadable: RetentionUnreadable[] = []
  for (const s of await retentionSites()) {
    if (!policiesFor([policy], s).length) continue
    const why = leftOut(s, now)
    if (why) {
      unreadable.push({ siteId: s.id, siteName: s.name, message: why })
      continue
    }
    const sel = await selectionOf(s, [policy, ...policiesFor(enabled, s)], now)
    keep.push(...sel.keep)
    remove.push(...sel.remove)
  }
  return { remove, keep, summary: summarise(remove), ...(unreadable.length ? { unreadable } : {}) }
}

/** GET /api/sites/{id}/retention: the enabled policies covering the site and what they keep and remove. */
export async function siteRetention(siteId: string, now = new Date()): Promise<SiteRetentionDto> {
  const [s] = await retentionSites({ id: siteId })
  if (!s) throw notFound('site', siteId)
  const policies = policiesFor(await listPolicies({ enabledOnly: true }), s)
  const base = {
    siteId,
    policies,
    refusesDeletes: refusalDto(s, now),
    syncedAt: s.archivesSyncedAt?.toISOString() ?? null,
  }
  const why = leftOut(s, now)
  if (!policies.length || why) {
    const archives = why ? [] : await siteArchivesAll(siteId)
    return {
      ...base,
      remove: [],
      keep: archives.map((a) => ({ ...a, reasons: ['no policy covers this site'] })),
      summary: summarise([]),
      ...(why ? { unreadable: [{ siteId, siteName: s.name, message: why }] } : {}),
    }
  }
  const { keep, remove } = await selectionOf(s, policies, now)
  return { ...base, keep, remove, summary: summarise(remove) }
}
