// "Back up now" for one site or many: queue runs; the runner's limits decide when each starts.
import { AppError, notFound } from '../api/errors'
import { createRun, sitesWithQueuedRun } from '../db/runs'
import { listSiteChoices, siteExists } from '../db/sites'
import { recordAudit } from '../db/audit'
import type { RunDto } from '../domain/runs'
import { wakeLocalRunner } from '../engine/runner-registry'

export interface StartRunInput {
  profileId?: number
  description?: string
  backupType?: string
  trigger?: string
  requestedBy?: string | null
}

export async function queueBackup(siteId: string, input: StartRunInput = {}): Promise<RunDto> {
  const site = await siteExists(siteId)
  if (!site) throw notFound('site', siteId)
  if (site.connectionStatus !== 'ok') {
    throw new AppError(
      'conflict',
      `${site.name} is not connected (${site.connectionStatus.replace('_', ' ')}). Re-check the connection on the site page first.`,
    )
  }
  const run = await createRun({
    siteId,
    hostKey: site.hostKey,
    profileId: input.profileId ?? site.defaultProfileId,
    description: input.description?.trim() || null,
    trigger: input.trigger ?? 'manual',
    requestedBy: input.requestedBy ?? null,
    backupType: input.backupType ?? null,
  })
  await recordAudit('run.queued', {
    actor: input.requestedBy,
    siteId,
    runId: run.id,
    details: { trigger: run.trigger, profileId: run.profileId },
  })
  wakeLocalRunner()
  return run
}

export interface BulkResult {
  queued: RunDto[]
  skipped: { siteId: string; siteName: string; reason: string }[]
}

/** Bulk "Back up now": by ids, by tag or all. A site that already has a run waiting is skipped. */
export async function queueBulk(
  sel: { siteIds?: string[]; tag?: string; all?: boolean },
  input: StartRunInput = {},
): Promise<BulkResult> {
  const sites = await listSiteChoices()
  const chosen = sites.filter((s) => sel.all || sel.siteIds?.includes(s.id) || (sel.tag && s.tags.includes(sel.tag)))
  if (sel.siteIds) {
    const missing = sel.siteIds.filter((id) => !sites.some((s) => s.id === id))
    if (missing.length)
      throw new AppError('validation_failed', `siteIds: unknown site ${missing[0]}`, { field: 'siteIds' })
  }
  const waiting = await sitesWithQueuedRun(chosen.map((s) => s.id))
  const result: BulkResult = { queued: [], skipped: [] }
  for (const s of chosen) {
    if (s.connectionStatus !== 'ok') {
      result.skipped.push({ siteId: s.id, siteName: s.name, reason: 'not connected' })
      continue
    }
    if (waiting.has(s.id)) {
      result.skipped.push({ siteId: s.id, siteName: s.name, reason: 'a backup is already waiting' })
      continue
    }
    result.queued.push(await queueBackup(s.id, { ...input, trigger: input.trigger ?? 'bulk' }))
  }
  return result
}
