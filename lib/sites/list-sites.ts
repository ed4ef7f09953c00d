// Sites as the pages and the API show them: each site's row with its backup state at a glance, its
// active and last runs and its next scheduled backup, in a fixed number of queries whatever the fleet size.
import { notFound } from '../api/errors'
import { allTags, findSites, type SiteRecord } from '../db/sites'
import { activeRunsOf, latestRunPerSite, type RunBrief } from '../db/runs'
import { completeArchivesOf, latestCompleteArchiveEnds, type ArchiveBrief } from '../db/archives'
import { nextBackupBySite } from '../schedule/next-backup'
import { OUTCOME_RUN_STATUSES } from '../domain/run-status'
import type { SiteDto } from '../domain/sites'
import { lastGoodBackup, siteBackupState } from './backup-state'

async function decorate(rows: SiteRecord[]): Promise<SiteDto[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [active, lastRuns, lastOks, latestEnds, nextBackups] = await Promise.all([
    activeRunsOf(ids),
    // Cancelled runs say nothing about the site's backups: the last finished run that does.
    latestRunPerSite(ids, OUTCOME_RUN_STATUSES),
    latestRunPerSite(ids, ['succeeded']),
    latestCompleteArchiveEnds(ids),
    nextBackupBySite(rows.map((r) => ({ id: r.id, tags: r.tags }))),
  ])
  // The archive of each site's last good run (or, for sites never backed up by us, its latest complete
  // archive), to tell "backed up" from "files removed".
  const candidates = await completeArchivesOf(ids, {
    runIds: [...lastOks.values()].map((r) => r.id),
    backupEnds: [...latestEnds.values()],
  })
  // A site has at most one running run; while it waits, its oldest queued one.
  const activeBySite = new Map<string, RunBrief>()
  for (const a of active) if (!activeBySite.has(a.siteId) || a.status === 'running') activeBySite.set(a.siteId, a)
  const archiveOfRun = new Map<string, ArchiveBrief>()
  const latestArchiveOf = new Map<string, ArchiveBrief>()
  for (const a of candidates) {
    if (a.runId) archiveOfRun.set(a.runId, a)
    if (a.backupEnd?.getTime() === latestEnds.get(a.siteId)?.getTime()) latestArchiveOf.set(a.siteId, a)
  }
  const now = Date.now()
  return rows.map((r) => {
    const act = activeBySite.get(r.id) ?? null
    const last = lastRuns.get(r.id) ?? null
    const lastOk = lastOks.get(r.id) ?? null
    const good = lastGoodBackup({
      lastOkRun: lastOk,
      lastOkRunArchive: lastOk ? (archiveOfRun.get(lastOk.id) ?? null) : null,
      latestArchive: latestArchiveOf.get(r.id) ?? null,
    })
    const lastSuccessAt = good.at
    const state = siteBackupState({
      connectionStatus: r.connectionStatus,
      running: act?.status === 'running',
      lastStatus: last?.status ?? null,
      lastFinishedAt: last?.finishedAt ?? null,
      lastSuccessAt,
      latestArchiveUsable: good.usable,
      maxAgeMs: r.maxBackupAgeHours * 3_600_000,
      now,
    })
    return {
      ...r,
      backupState: state,
      activeRun: act
        ? {
            id: act.id,
            status: act.status,
            progress: act.progress,
            domain: act.domain,
            startedAt: act.startedAt?.toISOString() ?? null,
          }
        : null,
      lastRun: last
        ? {
            id: last.id,
            status: last.status,
            finishedAt: last.finishedAt?.toISOString() ?? null,
            errorMessage: last.errorMessage,
            warningsCount: last.warningsCount,
          }
        : null,
      lastSuccessAt: lastSuccessAt?.toISOString() ?? null,
      nextBackupAt: nextBackups.get(r.id)?.toISOString() ?? null,
    }
  })
}

export async function listSites(): Promise<SiteDto[]> {
  return decorate(await findSites())
}

export async function getSite(id: string): Promise<SiteDto | null> {
  const [s] = await decorate(await findSites({ id }))
  return s ?? null
}

export async function requireSite(id: string): Promise<SiteDto> {
  const s = await getSite(id)
  if (!s) throw notFound('site', id)
  return s
}

/** Every tag in use, sorted. */
export function listTags(): Promise<string[]> {
  return allTags()
}
