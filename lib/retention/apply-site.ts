// Applying retention to one site: under the site's retention lease, read its list fresh (nothing is
// removed when that fails), settle intents a crashed pass left pending, select, then for each archive
// to remove write an intent, ask the site through the audited delete path and settle the intent from
// the list read back. A refusal marks the site "refuses deletes", alerts once, and ends the pass.
import { syncArchivesWith, MAX_SYNC_RECORDS } from '../archives/after-run'
import { archiveState } from '../archives/archive-state'
import { deleteOnSiteOutcome, type DeleteOutcome } from '../archives/delete-archive'
import { clientForSite } from '../archives/site-client'
import { config } from '../config'
import { getArchive, siteArchivesAll } from '../db/archives'
import { recordAudit } from '../db/audit'
import { insertNotifyEvent } from '../db/notify-events'
import { insertIntent, pendingIntents, settleIntent, type IntentRecord } from '../db/retention-actions'
import {
  claimSiteLease,
  clearSiteRefusal,
  markSiteRefuses,
  releaseSiteLease,
  renewSiteLease,
  retentionSites,
} from '../db/retention-sites'
import type { RetentionPolicyDto } from '../domain/retention'
import { siteApiFromClient } from '../engine/site-client'
import { logger } from '../log'
import { listPolicies, policiesFor } from './policies'
import { REFUSAL_RETRY_MS, refusalActive } from './refusal'
import { newestFirst, selectForSite } from './select'

export type Trigger = 'after_run' | 'sweep'

export interface SiteOutcome {
  siteId: string
  status: 'done' | 'busy' | 'refuses' | 'unreadable' | 'no_policy' | 'gone'
  removed: number
  unconfirmed: number
  settled: number
  message?: string
}

/** A site's retention lease: one delete call and one list read fit in it (the engine's lease, twice). */
const leaseMs = () => 2 * config().leaseMs
/** Answers that say the site could not be reached, not that it refused. */
const TRANSIENT = new Set(['transport', 'timeout'])

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** Whether the site's fresh list shows the intended delete as done. */
async function intentDone(i: IntentRecord): Promise<boolean> {
  const a = await getArchive(i.archiveId)
  if (!a || a.goneFromSite) return true
  return i.action === 'delete_files' && archiveState(a) !== 'ok'
}

/** Intents a dead process left pending, settled from the list just read (never re-marked blindly). */
async function settleLeftovers(siteId: string): Promise<number> {
  let n = 0
  for (const i of await pendingIntents(siteId)) {
    const done = await intentDone(i)
    const message = done
      ? 'confirmed from the site list after an interrupted pass'
      : 'interrupted before the outcome was known; the site still lists it, nothing is marked deleted'
    if (await settleIntent(i.id, done ? 'done' : 'unconfirmed', message)) {
      n++
      await recordAudit('retention.settled', {
        actor: 'stepwise',
        siteId,
        archiveId: i.archiveId,
        details: { intentId: i.id, action: i.action, remoteId: i.remoteId, done },
      })
    }
  }
  return n
}

async function siteRefused(siteId: string, siteName: string, answer: string): Promise<void> {
  const retryAt = new Date(Date.now() + REFUSAL_RETRY_MS)
  await markSiteRefuses(siteId, answer, retryAt)
  await recordAudit('retention.site_refuses', {
    actor: 'stepwise',
    siteId,
    details: { message: answer, retryAfter: retryAt.toISOString() },
  })
  await insertNotifyEvent({
    kind: 'retention.refused',
    siteId,
    details: { siteName, message: answer, retryAfter: retryAt.toISOString() },
  })
}

export async function applyRetentionToSite(
  siteId: string,
  opts: { trigger: Trigger; owner: string; policies?: RetentionPolicyDto[]; now?: Date },
): Promise<SiteOutcome> {
  const out: SiteOutcome = { siteId, status: 'done', removed: 0, unconfirmed: 0, settled: 0 }
  const [site] = await retentionSites({ id: siteId })
  if (!site) return { ...out, status: 'gone' }
  const policies = policiesFor(opts.policies ?? (await listPolicies({ enabledOnly: true })), site)
  if (!policies.length && !(await pendingIntents(siteId)).length) return { ...out, status: 'no_policy' }
  if (!(await claimSiteLease(siteId, opts.owner, leaseMs()))) return { ...out, status: 'busy' }
  try {
    // The list, read fresh in this pass and whole: otherwise nothing is removed.
    try {
      const n = await syncArchivesWith(siteApiFromClient(await clientForSite(siteId)), siteId)
      if (n >= MAX_SYNC_RECORDS)
        return { ...out, status: 'unreadable', message: 'the backup list is too long to read whole' }
    } catch (e) {
      return { ...out, status: 'unreadable', message: errText(e) }
    }
    out.settled = await settleLeftovers(siteId)
    if (!policies.length) return out
    const now = opts.now ?? new Date()
    if (refusalActive(site, now)) return { ...out, status: 'refuses', message: site.refusal ?? undefined }
    const { remove, removedBy } = selectForSite(await siteArchivesAll(siteId), policies, now.getTime())
    for (const a of newestFirst(remove).reverse()) {
      if (!(await renewSiteLease(siteId, opts.owner, leaseMs()))) break
      const action = a.action ?? 'delete_files'
      const policyIds = removedBy.get(a.id) ?? []
      const intentId = await insertIntent({
        siteId,
        archiveId: a.id,
        remoteId: a.remoteId,
        action,
        trigger: opts.trigger,
        owner: opts.owner,
        policies: policyIds,
      })
      let r: DeleteOutcome
      try {
        r = await deleteOnSiteOutcome(a, action === 'delete_files' ? 'files' : 'record', 'stepwise', {
          retention: { intentId, trigger: opts.trigger, policies: policyIds, reasons: a.reasons },
        })
      } catch (e) {
        await settleIntent(intentId, 'unconfirmed', errText(e))
        out.unconfirmed++
        continue
      }
      if (r.status === 'done') {
        await settleIntent(intentId, 'done', null)
        // A site that refused before and deletes now (changed, or re-checked) is no longer marked.
        if (out.removed++ === 0 && site.refusedAt) await clearSiteRefusal(siteId)
      } else if (r.status === 'refused' && !TRANSIENT.has(r.kind)) {
        await settleIntent(intentId, 'refused', r.answer)
        await siteRefused(siteId, site.name, r.answer)
        return { ...out, status: 'refuses', message: r.answer }
      } else {
        await settleIntent(intentId, 'unconfirmed', r.message)
        out.unconfirmed++
        // The site stopped answering: leave the rest for the next pass.
        if (r.status === 'refused') return { ...out, status: 'unreadable', message: r.message }
      }
    }
    return out
  } finally {
    await releaseSiteLease(siteId, opts.owner).catch((e) =>
      logger().warn({ siteId, err: errText(e) }, 'could not release the retention lease'),
    )
  }
}
