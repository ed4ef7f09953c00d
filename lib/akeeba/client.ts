// The Akeeba JSON API v2 client: one method per API call, every answer parsed once into our types.
// Transport: POST form body with `method` and params, key only in X-Akeeba-Auth (never in a URL,
// so it stays out of access logs — akeeba-protocol.md §9.8), Accept: application/json.
import type { ApiResult, BackupRecord, Endpoint, Profile, StartBackupParams, StepData, VersionInfo } from './types'
import { AkeebaError } from './types'
import { encodeForm, type FormValue } from './form-encode'
import { openRequest, readText } from './http-request'
import { interpretResponse, type AkeebaMethod, type MethodResults } from './interpret-response'
import { downloadSegments } from './chunked-download'
import { toDirectDownload, type DirectDownload } from './direct-download'
import { makeRaw } from './redact'

export interface AkeebaClientOptions {
  endpoint: Endpoint
  key: string
  /** Whole-call timeout; steps that upload to cloud storage can take minutes (akeeba-protocol.md §7). */
  timeoutMs?: number
  connectTimeoutMs?: number
  userAgent?: string
  /** Accept self-signed or otherwise invalid certificates (staging sites). */
  insecureTls?: boolean
}

export interface CallOptions {
  signal?: AbortSignal
}

/** A download answer can carry 1 MiB as base64, a full listBackups many records. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024
const DEFAULT_USER_AGENT = 'Stepwise/0.1 (+Akeeba JSON API v2 client)'

export class AkeebaClient {
  readonly endpoint: Endpoint
  readonly #key: string
  readonly #timeoutMs: number
  readonly #connectTimeoutMs: number
  readonly #userAgent: string
  readonly #insecureTls: boolean

  constructor(opts: AkeebaClientOptions) {
    this.endpoint = opts.endpoint
    this.#key = opts.key
    this.#timeoutMs = opts.timeoutMs ?? 300_000
    this.#connectTimeoutMs = opts.connectTimeoutMs ?? 10_000
    this.#userAgent = opts.userAgent ?? DEFAULT_USER_AGENT
    this.#insecureTls = opts.insecureTls ?? false
  }

  getVersion(o?: CallOptions): Promise<ApiResult<VersionInfo>> {
    return this.#call('getVersion', {}, o)
  }

  getProfiles(o?: CallOptions): Promise<ApiResult<Profile[]>> {
    return this.#call('getProfiles', {}, o)
  }

  /** Never retry blindly: it kills every running backup on the site (DESIGN.md fact 3). */
  startBackup(p: StartBackupParams = {}, o?: CallOptions): Promise<ApiResult<StepData>> {
    return this.#call(
      'startBackup',
      { profile: p.profile, description: p.description, comment: p.comment, overrides: p.overrides },
      o,
    )
  }

  stepBackup(backupid: string, o?: CallOptions): Promise<ApiResult<StepData>> {
    // The server answers status 0 for a missing id (fixtures */04, */06); fail before sending.
    if (!backupid)
      return Promise.reject(
        new AkeebaError('protocol', 'stepBackup needs the backupid from startBackup', { raw: makeRaw(0, '', 0) }),
      )
    return this.#call('stepBackup', { backupid }, o)
  }

  listBackups(from = 0, limit = 50, o?: CallOptions): Promise<ApiResult<BackupRecord[]>> {
    return this.#call('listBackups', { from, limit }, o)
  }

  getBackupInfo(id: number, o?: CallOptions): Promise<ApiResult<BackupRecord>> {
    return this.#call('getBackupInfo', { backup_id: id }, o)
  }

  /** Chunked download of one part (1-based; part 1 is the .jpa — DESIGN.md fact 9). Resume with fromSegment. */
  download(
    id: number,
    part: number,
    o: CallOptions & { fromSegment?: number } = {},
  ): AsyncGenerator<Buffer, void, undefined> {
    const fetch = (segment: number) =>
      this.#call('download', { backup_id: id, part_id: part, segment, chunk_size: 1 }, o)
    return downloadSegments(fetch, o.fromSegment)
  }

  /** Streams one part as raw bytes (GET, as the reference library does). timeoutMs becomes an idle timeout. */
  async downloadDirect(id: number, part: number, o?: CallOptions): Promise<DirectDownload> {
    const url = new URL(this.endpoint.url)
    url.searchParams.set('method', 'downloadDirect')
    url.searchParams.set('backup_id', String(id))
    url.searchParams.set('part_id', String(part))
    const open = await openRequest({ ...this.#transport(o), url, method: 'GET', headers: this.#headers(false) })
    return toDirectDownload(open, this.#timeoutMs, this.#key)
  }

  /** Deletes files and record. Joomla 9.3.3 refuses with {"status":500,"data":""} (akeeba-joomla/07). */
  delete(id: number, o?: CallOptions): Promise<ApiResult<true>> {
    return this.#call('delete', { backup_id: id }, o)
  }

  /** Deletes only the files. Joomla 9.3.3 answers an HTML 500 page and deletes nothing (akeeba-joomla/07). */
  deleteFiles(id: number, o?: CallOptions): Promise<ApiResult<true>> {
    return this.#call('deleteFiles', { backup_id: id }, o)
  }

  async #call<M extends AkeebaMethod>(
    method: M,
    params: Record<string, FormValue>,
    o?: CallOptions,
  ): Promise<ApiResult<MethodResults[M]>> {
    const body = encodeForm({ method, ...params })
    const open = await openRequest({
      ...this.#transport(o),
      url: new URL(this.endpoint.url),
      method: 'POST',
      headers: this.#headers(true),
      body,
    })
    const text = await readText(open, MAX_RESPONSE_BYTES)
    return interpretResponse(method, open.head.status, text, {
      durationMs: open.elapsedMs(),
      reason: open.head.reason,
      key: this.#key,
    })
  }

  #transport(o?: CallOptions) {
    return {
      connectTimeoutMs: this.#connectTimeoutMs,
      timeoutMs: this.#timeoutMs,
      signal: o?.signal,
      insecureTls: this.#insecureTls,
    }
  }

  #headers(form: boolean): Record<string, string> {
    return {
      Accept: 'application/json',
      'User-Agent': this.#userAgent,
      'X-Akeeba-Auth': this.#key,
      Connection: 'close',
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}),
    }
  }
}
