// What a method handler answers; the HTTP layer turns it into bytes (persona headers, junk, faults).
import type { FakeSite } from '../site'

export type Outcome =
  /** The v2 envelope `{"status":N,"data":…}` over HTTP 200. `stepNumber` marks step answers. */
  | { kind: 'json'; status: number; data: unknown; stepNumber?: number }
  /** A non-JSON page (Joomla's broken deleteFiles, an HTML error page scenario…). */
  | { kind: 'html'; httpStatus: number; body: string; stepNumber?: number }
  /** downloadDirect's raw stream. */
  | { kind: 'binary'; name: string; size: number; read: (offset: number, length: number) => Buffer }
  /** downloadDirect's errors: HTTP 500, message only in the reason phrase, empty body. */
  | { kind: 'bare500'; reason: string }

export interface ApiContext {
  site: FakeSite
  /** The verb's parameter source: the form body for POST, the query string for GET. */
  params: URLSearchParams
  sleep: (ms: number) => Promise<void>
}

export type Handler = (ctx: ApiContext) => Outcome | Promise<Outcome>

export const json = (status: number, data: unknown, stepNumber?: number): Outcome =>
  stepNumber === undefined ? { kind: 'json', status, data } : { kind: 'json', status, data, stepNumber }

/** PHP's (int) cast: leading digits, else 0. */
export function phpInt(value: string | null | undefined): number {
  if (value === null || value === undefined) return 0
  const m = /^\s*([+-]?\d+)/.exec(value)
  return m ? parseInt(m[1], 10) : 0
}

/** PHP-style bracket fields: `overrides[akeeba.basic.backup_type]=dbonly` → { 'akeeba.basic.backup_type': 'dbonly' }. */
export function bracketFields(params: URLSearchParams, name: string): Record<string, string> {
  const out: Record<string, string> = {}
  const prefix = name + '['
  for (const [k, v] of params) {
    if (k.startsWith(prefix) && k.endsWith(']')) out[k.slice(prefix.length, -1)] = v
  }
  return out
}
