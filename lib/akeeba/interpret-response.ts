// One code path from (method, HTTP status, body) to a typed result or an AkeebaError. The client uses
// it for every JSON call and the fixture replay tests feed it the recorded responses.
import {
  AkeebaError,
  type ApiResult,
  type BackupRecord,
  type Profile,
  type RawExchange,
  type StepData,
  type VersionInfo,
} from './types'
import { parseEnvelope } from './parse-envelope'
import { envelopeError, serverText } from './envelope-errors'
import {
  backupListSchema,
  backupRecordSchema,
  parseData,
  profilesSchema,
  stepDataSchema,
  versionSchema,
} from './schemas'
import { makeRaw, redactError, redactKey } from './redact'
import { decodeChunk, type DownloadChunk } from './download-chunk'

export interface MethodResults {
  getVersion: VersionInfo
  getProfiles: Profile[]
  startBackup: StepData
  stepBackup: StepData
  listBackups: BackupRecord[]
  getBackupInfo: BackupRecord
  download: DownloadChunk
  delete: true
  deleteFiles: true
}
export type AkeebaMethod = keyof MethodResults
export const AKEEBA_METHODS: readonly AkeebaMethod[] = [
  'getVersion',
  'getProfiles',
  'startBackup',
  'stepBackup',
  'listBackups',
  'getBackupInfo',
  'download',
  'delete',
  'deleteFiles',
]

export interface ResponseExtra {
  durationMs?: number
  /** HTTP reason phrase, when the server sent a non-standard one. */
  reason?: string
  /** The site key, so it can be scrubbed from anything we keep. */
  key?: string
}

function step(data: unknown, raw: RawExchange, method: string): StepData {
  const parsed = parseData(stepDataSchema, data, method, raw)
  // Documented but never seen on a real server: a failure inside a 200 (akeeba-protocol.md §6).
  // Surfacing it as the same kind as a status-500 failure gives the engine one path.
  if (parsed.error.trim()) throw new AkeebaError('backup_error', parsed.error, { envelopeStatus: 200, raw })
  return parsed
}

function deleted(data: unknown, raw: RawExchange, method: string): true {
  // WordPress answers true even for an unknown id (akeeba-wp-9.1.1/06); anything else is a refusal.
  if (data === true || data === 1 || data === '1') return true
  throw new AkeebaError('protocol', `The site did not confirm ${method} (answered ${serverText(data) || 'nothing'})`, {
    envelopeStatus: 200,
    raw,
  })
}

const decoders: { [M in AkeebaMethod]: (data: unknown, raw: RawExchange) => MethodResults[M] } = {
  getVersion: (d, raw) => parseData(versionSchema, d, 'getVersion', raw),
  getProfiles: (d, raw) => parseData(profilesSchema, d, 'getProfiles', raw),
  startBackup: (d, raw) => step(d, raw, 'startBackup'),
  stepBackup: (d, raw) => step(d, raw, 'stepBackup'),
  listBackups: (d, raw) => parseData(backupListSchema, d, 'listBackups', raw),
  getBackupInfo: (d, raw) => parseData(backupRecordSchema, d, 'getBackupInfo', raw),
  download: (d, raw) => decodeChunk(d, raw),
  delete: (d, raw) => deleted(d, raw, 'delete'),
  deleteFiles: (d, raw) => deleted(d, raw, 'deleteFiles'),
}

function interpret<M extends AkeebaMethod>(
  method: M,
  httpStatus: number,
  body: string,
  extra: ResponseExtra,
): ApiResult<MethodResults[M]> {
  const raw = makeRaw(httpStatus, body, extra.durationMs ?? 0, extra.key)
  const env = parseEnvelope(httpStatus, body, raw, extra.reason)
  if (env.status === 200) return { data: decoders[method](env.data, raw), raw }
  // download's end of file is a 404 "Invalid segment" (akeeba-wp-9.1.1 README §10).
  if (method === 'download' && env.status === 404 && /segment/i.test(serverText(env.data))) {
    return { data: { bytes: Buffer.alloc(0), eof: true } as MethodResults[M], raw }
  }
  throw envelopeError(method, env.status, env.data, raw)
}

/** Never throws anything but AkeebaError: a bug or a hostile body becomes 'protocol', not a crash. */
export function interpretResponse<M extends AkeebaMethod>(
  method: M,
  httpStatus: number,
  body: string,
  extra: ResponseExtra = {},
): ApiResult<MethodResults[M]> {
  try {
    // A site that echoes the key (debug pages, WAF block pages) must not get it into anything we keep.
    // Not for download: base64 archive bytes could contain a short key by chance.
    const text = method === 'download' ? body : redactKey(body, extra.key)
    return interpret(method, httpStatus, text, extra)
  } catch (err) {
    if (err instanceof AkeebaError) throw redactError(err, extra.key)
    const raw = makeRaw(httpStatus, body, extra.durationMs ?? 0, extra.key)
    throw new AkeebaError('protocol', `Could not read the site's ${method} answer`, { raw, cause: err })
  }
}

/** Used by callers that hold a method name from elsewhere (fixtures, logs): exact or case-insensitive. */
export function toAkeebaMethod(name: unknown): AkeebaMethod | null {
  if (typeof name !== 'string') return null
  return AKEEBA_METHODS.find((m) => m.toLowerCase() === name.toLowerCase()) ?? null
}

export type { DownloadChunk }
