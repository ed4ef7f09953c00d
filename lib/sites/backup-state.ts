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
