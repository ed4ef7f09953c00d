// The calls the engine makes to a site. The runner builds one per tick from the site's row
// (lib/engine/site-client.ts); tests may pass their own.
import type { ApiResult, BackupRecord, StartBackupParams, StepData } from '../akeeba/types'

export interface SiteApi {
  startBackup(params: StartBackupParams, signal?: AbortSignal): Promise<ApiResult<StepData>>
  stepBackup(backupid: string, signal?: AbortSignal): Promise<ApiResult<StepData>>
  getBackupInfo(id: number, signal?: AbortSignal): Promise<ApiResult<BackupRecord>>
  listBackups(from: number, limit: number, signal?: AbortSignal): Promise<ApiResult<BackupRecord[]>>
  deleteRecord(id: number, signal?: AbortSignal): Promise<ApiResult<unknown>>
}
