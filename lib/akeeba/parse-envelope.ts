// Turns (HTTP status, body text) into the API envelope {status, data}, or an AkeebaError.
// Real servers answer every API call with HTTP 200 and the real status inside (fixtures
// akeeba-wp-9.1.1/06, akeeba-joomla/04); anything else on the wire came from outside the API.
import { AkeebaError, type RawExchange } from './types'
import { balancedEnd, candidateStarts, tryJson } from './json-scan'
import { describeBody } from './body-hint'

export interface Envelope {
  status: number
  data: unknown
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function toStatus(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v)
  return null
}

/**
 * v2: {status, data}. v1 (`###` framing, akeeba-protocol.md §2.4): {encapsulation:1, body:{status,
 * data:"<JSON text>"}} where data is encoded twice; body itself may also arrive as a string.
 */
export function asEnvelope(value: unknown): Envelope | null {
  if (!isRecord(value)) return null
  if ('encapsulation' in value && 'body' in value) {
    let body = value.body
    if (typeof body === 'string') {
      const inner = tryJson(body)
      body = inner.ok ? inner.value : null
    }
    const env = asEnvelope(body)
    if (!env) return null
    if (typeof env.data === 'string') {
      const inner = tryJson(env.data)
      if (inner.ok) env.data = inner.value
    }
    return env
  }
  if (!('status' in value) || !('data' in value)) return null
  const status = toStatus(value.status)
  return status === null ? null : { status, data: value.data }
}

function whole(text: string): Envelope | null {
  const parsed = tryJson(text)
  return parsed.ok ? asEnvelope(parsed.value) : null
}

function scan(text: string): Envelope | null {
  for (const start of candidateStarts(text)) {
    const end = balancedEnd(text, start)
    if (end === -1) continue
    const env = whole(text.slice(start, end))
    if (env) return env
  }
  return null
}

/** Whole body first (pretty-printed JSON included), then v1 `###` framing, then a brace scan. */
function fromText(text: string): Envelope | null {
  const direct = whole(text)
  if (direct) return direct
  const first = text.indexOf('###')
  const last = text.lastIndexOf('###')
  if (first !== -1 && last > first) {
    const framed = text.slice(first + 3, last)
    const env = whole(framed) ?? scan(framed)
    if (env) return env
  }
  return scan(text)
}

/** Finds the envelope or throws AkeebaError: 'http' for a non-200 without one, else 'unparsable'. */
export function parseEnvelope(httpStatus: number, body: string, raw: RawExchange, reason?: string): Envelope {
  const text = body.replace(/^\uFEFF/, '').trim()
  const env = text ? fromText(text) : null
  if (env) return env
  const what = describeBody(body)
  if (httpStatus !== 200) {
    const phrase = reason ? ` ${reason}` : ''
    return fail('http', `The site answered HTTP ${httpStatus}${phrase} with ${what} instead of an Akeeba answer`, raw)
  }
  return fail('unparsable', `The site answered HTTP 200 with ${what} instead of Akeeba's JSON`, raw)
}

function fail(kind: 'http' | 'unparsable', message: string, raw: RawExchange): never {
  throw new AkeebaError(kind, message, { raw })
}
