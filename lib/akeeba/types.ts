// Shared types of the Akeeba JSON API client. The client (lib/akeeba/client.ts), the engine's state
// machine (lib/engine/machine.ts) and the runner all speak these. No database, no Next.js here.

/** The closed set of ways a call to a site can go wrong. */
export type AkeebaErrorKind =
  | 'transport' // connection refused/reset, DNS, TLS, socket hang-up: no answer at all
  | 'timeout' // the call took longer than its timeout (the server may still have done the work)
  | 'http' // an HTTP status other than 200 without a usable JSON envelope (WAF 403, 404, 502, PHP fatal 500…)
  | 'unparsable' // HTTP 200 but no JSON envelope could be found (HTML page, truncated body…)
  | 'auth' // envelope status 503 "Access denied": API disabled, wrong/weak key, Core edition
  | 'not_found' // envelope status 404 (unknown record, part or segment)
  | 'method_missing' // envelope status 405 / 501
  | 'backup_error' // envelope status 500 from startBackup/stepBackup ("A backup error has occurred: …")
  | 'protocol' // any other envelope status or a payload of the wrong shape
  | 'refused_address' // our outbound guard refused the site's address (private, metadata…): never sent

/** Kinds worth re-sending the same request for (the server may never have seen it, or may retry). */
export const RETRYABLE_KINDS: readonly AkeebaErrorKind[] = ['transport', 'timeout', 'http', 'unparsable']

export interface RawExchange {
  /** HTTP status of the response; 0 when none arrived. */
  httpStatus: number
  /** The response body, cut to a bounded size (see MAX_RAW_BODY). Never contains the key. */
  body: string
  /** Wall time of the call in milliseconds. */
  durationMs: number
}

export const MAX_RAW_BODY = 16 * 1024

export class AkeebaError extends Error {
  readonly kind: AkeebaErrorKind
  /** Envelope `status` when the server answered with one (e.g. 500, 503, 0). */
  readonly envelopeStatus: number | null
  readonly raw: RawExchange | null

  constructor(
    kind: AkeebaErrorKind,
    message: string,
    opts: { envelopeStatus?: number | null; raw?: RawExchange | null; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'AkeebaError'
    this.kind = kind
    this.envelopeStatus = opts.envelopeStatus ?? null
    this.raw = opts.raw ?? null
  }
}

/** One startBackup/stepBackup answer, parsed and coerced (numeric strings → numbers, 1/0 → booleans). */
export interface StepData {
  hasRun: boolean
  domain: string
  step: string
  substep: string
  /** Non-empty means the backup failed even inside a 200 (documented, never seen on a real server). */
  error: string
  /** Warnings raised by this step only (fact 6). */
  warnings: string[]
  archive: string
  progress: number
  /** The string run id (`id-YYYYMMDD-HHMMSS-usec`); "" on a zombie fresh state (fact 4). */
  backupid: string
  /** The numeric record id (`BackupID`); null in the final response (fact 7) and on zombies. */
  recordId: number | null
  sleepTime: number
  stepNumber: number
  stepState: string
  profile: number | null
}

/** A successful call: the parsed payload plus what went over the wire (stored as a step row). */
export interface ApiResult<T> {
  data: T
  raw: RawExchange
}

export type Platform = 'wordpress' | 'joomla' | 'joomla3' | 'solo'

export interface VersionInfo {
  api: number
  component: string
  date: string
  edition: string
}

export interface Profile {
  id: number
  name: string
}

/** A backup record as listBackups/getBackupInfo return it, coerced. */
export interface BackupRecord {
  id: number
  description: string
  comment: string
  backupstart: string | null
  backupend: string | null
  status: string // run | fail | complete
  origin: string
  type: string
  profileId: number
  archivename: string
  absolutePath: string
  multipart: number
  tag: string
  backupid: string
  filesexist: boolean
  /** Akeeba's `frozen` 0/1 (retention never touches a frozen record). */
  frozen?: boolean
  remoteFilename: string | null
  totalSize: number
  /** listBackups only (getBackupInfo on 9.x has no meta): pending | ok | fail | obsolete | remote */
  meta: string | null
  /** listBackups only, and only for meta ok. */
  size: number | null
  /** getBackupInfo only: the parts in part order (part 1 is the .jpa — fact 9). */
  filenames: { part: number; name: string; size: number }[]
}

export interface StartBackupParams {
  profile?: number
  description?: string
  comment?: string
  overrides?: Record<string, string | number>
}

/** Where a site's API lives, as found by endpoint detection. */
export interface Endpoint {
  /** Absolute URL of the endpoint including its fixed query (e.g. `?action=akeebabackup_api`). */
  url: string
  platform: Platform
}
