// "Back up now" for one site or many: queue runs; the runner's limits decide when each starts.
import { AppError, notFound } from '../api/errors'
import { createRunUnlessActive } from '../db/runs'
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

/** Queues a backup of the site, or returns the run it already has queued or running (`created` false). */
export async function requestBackup(
  siteId: string,
  input: StartRunInput = {},
): Promise<{ run: RunDto; created: boolean }> {
  const site = await siteExists(siteId)
  if (!site) throw notFound('site', siteId)
  if (site.connectionStatus !== 'ok') {
    throw new AppError(
      'conflict',
      `${site.name} is not connected (${site.connectionStatus.replace('_', ' ')}). Re-check the connection on the site page first.`,
    )
  }
  // "Back up now" twice (a double click, two people) is one backup: the second gets the first's run.
  const { run, created } = await createRunUnlessActive({
    siteId,
    hostKey: site.hostKey,
    profileId: input.profileId ?? site.defaultProfileId,
    description: input.description?.trim() || null,
    trigger: input.trigger ?? 'manual',
    requestedBy: input.requestedBy ?? null,
    backupType: input.backupType ?? null,
  })
  if (!created) return { run, created }
  // The runner starts on it while the audit row is written (the backup's first call need not wait).
  wakeLocalRunner()
  await recordAudit('run.queued', {
    actor: input.requestedBy,
    siteId,
    runId: run.id,
    details: { trigger: run.trigger, profileId: run.profileId },
  })
  return { run, created }
}

export async function queueBackup(siteId: string, input: StartRunInput = {}): Promise<RunDto> {
  return (await requestBackup(siteId, input)).run
}

export interface BulkResult {
  queued: RunDto[]
  skipped: { siteId: string; siteName: string; reason: string }[]
}

/** Bulk "Back up now": by ids, by tag or all. A site that already has a run queued or running is skipped. */
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
  const result: BulkResult = { queued: [], skipped: [] }
  for (const s of chosen) {
    if (s.connectionStatus !== 'ok') {
      result.skipped.push({ siteId: s.id, siteName: s.name, reason: 'not connected' })
      continue
    }
    const { run, created } = await requestBackup(s.id, { ...input, trigger: input.trigger ?? 'bulk' })
    if (created) result.queued.push(run)
    else {
      const reason = run.status === 'queued' ? 'a backup is already waiting' : 'a backup is already running'
      result.skipped.push({ siteId: s.id, siteName: s.name, reason })
    }
  }
  return result
}
