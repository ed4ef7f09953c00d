// A site as the API returns it and every page shows it: never the key (an API contract: field names
// and shapes do not change).
import type { SiteBackupState } from './site-state'

export interface SiteDto {
  id: string
  name: string
  baseUrl: string
  endpointUrl: string | null
  platform: string | null
  apiLevel: number | null
  akeebaVersion: string | null
  edition: string | null
  defaultProfileId: number
  hostGroup: string | null
  hostKey: string
  tags: string[]
  maxBackupAgeHours: number
  connectionStatus: string
  connectionError: string | null
  lastCheckedAt: string | null
  isDemo: boolean
  archivesSyncedAt: string | null
  createdAt: string
  profiles: { id: number; name: string }[]
  backupState: SiteBackupState
  activeRun: { id: string; status: string; progress: number; domain: string | null; startedAt: string | null } | null
  lastRun: {
    id: string
    status: string
    finishedAt: string | null
    errorMessage: string | null
    warningsCount: number
  } | null
  lastSuccessAt: string | null
  /** Start of the next scheduled backup (enabled schedules on the site or one of its tags, stagger included). */
  nextBackupAt: string | null
}
