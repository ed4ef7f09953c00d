// A site's backup state at a glance (the sites list, the overview). Pure, so it is easy to test.
import type { SiteBackupState } from '../domain/site-state'

export interface BackupStateInput {
  connectionStatus: string
  running: boolean
  lastStatus: string | null
  lastFinishedAt: Date | null
  lastSuccessAt: Date | null
  /** Whether the latest good archive still has files (null when unknown). */
  latestArchiveUsable: boolean | null
  maxAgeMs: number
  now: number
}

export function siteBackupState(i: BackupStateInput): SiteBackupState {
  if (i.running) return 'running'
  if (i.connectionStatus === 'not_connected') return 'not_connected'
  if (i.connectionStatus === 'no_api') return 'no_api'
  if (i.lastStatus === 'failed' || i.lastStatus === 'timed_out') return 'failed'
  if (!i.lastSuccessAt) return i.lastStatus === null ? (i.connectionStatus === 'ok' ? 'never' : 'unknown') : 'unknown'
  if (i.latestArchiveUsable === false) return 'obsolete'
  if (i.now - i.lastSuccessAt.getTime() > i.maxAgeMs) return 'too_old'
  return 'ok'
}

/** How far the site's clock (and Akeeba's whole-second times) may be behind ours. */
const SKEW_MS = 15 * 60_000

/** What the state needs of an archive record. */
export interface ArchiveFacts {
  meta: string | null
  filesExist: boolean
  goneFromSite: boolean
  backupEnd: Date | null
}

/** Whether an archive's files are still where the site keeps them (on the site or its remote storage). */
export function archiveUsable(a: ArchiveFacts): boolean {
  if (a.goneFromSite) return false
  if (a.meta === 'ok' || a.meta === 'remote') return true
  return a.meta === null && a.filesExist
}

export interface LastGood {
  at: Date | null
  /** Whether the last good backup's archive still has its files; null when we cannot tell. */
  usable: boolean | null
}

/**
 * The site's last good backup: our last succeeded run or the newest complete archive in the site's own
 * list (a backup taken on the site, or before the site was added), whichever is newer. "Files removed"
 * is judged on that backup's archive only: older archives removed by the site's quota say nothing.
 */
export function lastGoodBackup(f: {
  lastOkRun: { startedAt?: Date | null; finishedAt: Date | null } | null
  /** The archive linked to that run, if the sync linked one. */
  lastOkRunArchive: ArchiveFacts | null
  /** The site's newest complete archive. */
  latestArchive: ArchiveFacts | null
}): LastGood {
  const runAt = f.lastOkRun?.finishedAt ?? null
  const listAt = f.latestArchive?.backupEnd ?? null
  // An archive that ended before the run started cannot be the run's (a wrong link): judge by the
  // site's newest archive instead when that one belongs to the run's time, else we cannot tell.
  const startedAt = f.lastOkRun?.startedAt ?? null
  // Akeeba's times have whole seconds and the site's own clock: allow for both (SKEW_MS).
  const madeByRun = (a: ArchiveFacts | null) =>
    !!a && (!startedAt || !a.backupEnd || a.backupEnd.getTime() >= startedAt.getTime() - SKEW_MS)
  if (f.lastOkRunArchive && !madeByRun(f.lastOkRunArchive)) {
    return lastGoodBackup({ ...f, lastOkRunArchive: madeByRun(f.latestArchive) ? f.latestArchive : null })
  }
  if (listAt && (!runAt || listAt.getTime() > runAt.getTime())) {
    // The run's own archive ends before the run is marked finished: a run's archive counts as the run's.
    const ofRun = f.lastOkRunArchive?.backupEnd?.getTime() === listAt.getTime() ? f.lastOkRunArchive : f.latestArchive
    return { at: runAt && ofRun === f.lastOkRunArchive ? runAt : listAt, usable: archiveUsable(ofRun!) }
  }
  if (runAt) return { at: runAt, usable: f.lastOkRunArchive ? archiveUsable(f.lastOkRunArchive) : null }
  return { at: null, usable: null }
}
