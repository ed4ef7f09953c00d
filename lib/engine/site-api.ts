// The calls the engine makes to a site. The runner builds one per tick from the site's row
// (lib/engine/site-client.ts); tests may pass their own.
import type { ApiResult, BackupRecord, StartBackupParams, StepData } from '../akeeba/types'
import type { SiteCall } from './decide-tick'

export interface SiteApi {
  startBackup(params: StartBackupParams, signal?: AbortSignal): Promise<ApiResult<StepData>>
  stepBackup(backupid: string, signal?: AbortSignal): Promise<ApiResult<StepData>>
  getBackupInfo(id: number, signal?: AbortSignal): Promise<ApiResult<BackupRecord>>
  listBackups(from: number, limit: number, signal?: AbortSignal): Promise<ApiResult<BackupRecord[]>>
  deleteRecord(id: number, signal?: AbortSignal): Promise<ApiResult<unknown>>
}

/** Sends one planned call. Dispatch only: what to call was decided in decide-tick.ts. */
export function callSite(api: SiteApi, call: SiteCall, signal?: AbortSignal): Promise<ApiResult<unknown>> {
  switch (call.method) {
    case 'startBackup':
      return api.startBackup(call.params, signal)
    case 'stepBackup':
      return api.stepBackup(call.backupId, signal)
    case 'getBackupInfo':
      return api.getBackupInfo(call.recordId, signal)
    case 'listBackups':
      return api.listBackups(call.from, call.limit, signal)
    case 'delete':
      return api.deleteRecord(call.recordId, signal)
  }
}
