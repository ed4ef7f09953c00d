// The method table. Lookup is case-insensitive (fixture wp/06 #6).
import { download, downloadDirect } from './download'
import { getLog, getProfiles, getVersion } from './info-methods'
import type { Handler } from './outcome'
import { deleteFiles, deleteRecord, getBackupInfo, listBackups } from './record-methods'
import { startBackup } from './start-backup'
import { stepBackup } from './step-backup'

export const HANDLERS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['getversion', getVersion],
  ['getprofiles', getProfiles],
  ['startbackup', startBackup],
  ['stepbackup', stepBackup],
  ['listbackups', listBackups],
  ['getbackupinfo', getBackupInfo],
  ['download', download],
  ['downloaddirect', downloadDirect],
  ['delete', deleteRecord],
  ['deletefiles', deleteFiles],
  ['getlog', getLog],
])

export type { ApiContext, Handler, Outcome } from './outcome'
