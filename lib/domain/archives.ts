// An archive record (a backup the site lists) as the API returns it and the pages show it (an API
// contract: field names and shapes do not change).

export interface ArchiveDto {
  id: string
  siteId: string
  siteName: string
  siteIsDemo: boolean
  remoteId: number
  runId: string | null
  description: string
  comment: string
  status: string
  meta: string | null
  type: string
  origin: string
  profileId: number
  archiveName: string
  multipart: number
  totalSize: number
  backupStart: string | null
  backupEnd: string | null
  durationMs: number | null
  filesExist: boolean
  remoteFilename: string | null
  parts: { part: number; name: string; size: number }[] | null
  goneFromSite: boolean
  /** Akeeba's frozen flag: retention never touches it. */
  frozen: boolean
  syncedAt: string
}
