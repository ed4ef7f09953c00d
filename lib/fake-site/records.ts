// Backup records: the rows of #__akeebabackup_backups and how listBackups/getBackupInfo show them.
// Shapes follow the fixtures field by field: values are strings, except remote_filename (null, or
// the STRING "NULL" after a kill), hasRemoteFiles (bool) and filenames[].part/size (ints).
import { partsOf } from './archive-layout'
import type { FakeRecordView } from './types'

export interface SiteRecord {
  id: number
  description: string
  comment: string
  backupstart: string
  backupend: string
  status: 'run' | 'fail' | 'complete'
  type: string
  profileId: number
  archivename: string
  absolutePath: string
  multipart: number
  backupid: string
  filesexist: 0 | 1
  remoteFilename: string | null
  totalSize: number
  instep: 0 | 1
  /** Akeeba's frozen flag (seeded records only; 0 when absent). */
  frozen?: 0 | 1
  // Fake internals.
  filesPresent: boolean
  archiveSize: number
  partSize: number
  writtenBytes: number
  ext: string
  contentKind: 'jpa' | 'jps' | 'zip' | 'sql'
  contentSeed: number
}

function baseRow(r: SiteRecord): Record<string, unknown> {
  return {
    id: String(r.id),
    description: r.description,
    comment: r.comment,
    backupstart: r.backupstart,
    backupend: r.backupend,
    status: r.status,
    origin: 'json',
    type: r.type,
    profile_id: String(r.profileId),
    archivename: r.archivename,
    absolute_path: r.absolutePath,
    multipart: String(r.multipart),
    tag: 'json',
    backupid: r.backupid,
    filesexist: String(r.filesexist),
    remote_filename: r.remoteFilename,
    total_size: String(r.totalSize),
    frozen: String(r.frozen ?? 0),
    instep: String(r.instep),
  }
}

/** getBackupInfo: the raw row plus filenames (no meta, no size). */
export function infoRow(r: SiteRecord): Record<string, unknown> {
  const row = baseRow(r)
  row.filenames = partsOf(r).map((p) => ({ part: p.part, name: p.name, size: p.size }))
  return row
}

/** listBackups: the row plus meta/hasRemoteFiles/size. Like the real StatisticsModel, a complete
 *  record whose files vanished is shown obsolete (still with filesexist "1" and a size this once) and
 *  its filesexist is written back as 0 (fixture wp/07 exchanges 8-10). */
export function listRow(r: SiteRecord): Record<string, unknown> {
  const row = baseRow(r)
  let meta: string
  let size: number | null = null
  if (r.status === 'run') meta = 'pending'
  else if (r.status === 'fail') meta = 'fail'
  else if (r.filesexist === 1 && r.filesPresent) {
    meta = 'ok'
    size = r.totalSize
  } else {
    meta = r.remoteFilename && r.remoteFilename !== 'NULL' ? 'remote' : 'obsolete'
    if (r.filesexist === 1) {
      if (r.totalSize > 0) size = r.totalSize
      r.filesexist = 0
    }
  }
  row.meta = meta
  row.hasRemoteFiles = false
  if (size !== null) row.size = String(size)
  return row
}

/** What startBackup does to every running record: fail, files deleted, remote_filename "NULL". */
export function killRecord(r: SiteRecord): void {
  r.status = 'fail'
  r.totalSize = r.filesPresent ? r.writtenBytes : 0
  r.filesPresent = false
  r.remoteFilename = 'NULL'
  r.instep = 0
}

/** The profile's count quota: keep the newest `quota` complete backups with files. */
export function applyQuota(records: Iterable<SiteRecord>, profileId: number, quota: number): void {
  if (quota <= 0) return
  const complete = [...records].filter(
    (r) => r.status === 'complete' && r.profileId === profileId && r.filesPresent && r.filesexist === 1,
  )
  complete.sort((a, b) => b.id - a.id)
  for (const r of complete.slice(quota)) {
    r.filesPresent = false
    r.filesexist = 0
  }
}

export function recordView(r: SiteRecord): FakeRecordView {
  return {
    id: r.id,
    description: r.description,
    comment: r.comment,
    backupstart: r.backupstart,
    backupend: r.backupend,
    status: r.status,
    type: r.type,
    profileId: r.profileId,
    archivename: r.archivename,
    absolutePath: r.absolutePath,
    multipart: r.multipart,
    backupid: r.backupid,
    filesexist: r.filesexist,
    filesPresent: r.filesPresent,
    remoteFilename: r.remoteFilename,
    totalSize: r.totalSize,
    instep: r.instep,
    parts: partsOf(r).map((p) => ({ part: p.part, name: p.name, size: p.size })),
  }
}
