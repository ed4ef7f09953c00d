// Keeping the site key out of everything we store or show, and keeping stored bodies bounded.
import { AkeebaError, MAX_RAW_BODY, type RawExchange } from './types'

const MARK = '[redacted]'

/** Removes every occurrence of the key (plain, URL-encoded, form-encoded) from a text. */
export function redactKey(text: string, key: string | undefined): string {
  if (!key || !text) return text
  let out = text
  for (const form of new Set([key, encodeURIComponent(key), encodeURIComponent(key).replace(/%20/g, '+')])) {
    if (form) out = out.split(form).join(MARK)
  }
  return out
}

/** Cuts a body to MAX_RAW_BODY characters, saying how much was cut so a reader knows it is partial. */
export function boundBody(body: string, max = MAX_RAW_BODY): string {
  if (body.length <= max) return body
  const note = `…[truncated: ${body.length} chars]`
  return body.slice(0, Math.max(0, max - note.length)) + note
}

/** The RawExchange stored with every result and error: bounded, and never carrying the key. */
export function makeRaw(httpStatus: number, body: string, durationMs: number, key?: string): RawExchange {
  return { httpStatus, body: boundBody(redactKey(body, key)), durationMs: Math.max(0, Math.round(durationMs)) }
}

/** The same error with the key scrubbed from its message (its raw body is already scrubbed). */
export function redactError(err: AkeebaError, key: string | undefined): AkeebaError {
  if (!key || !err.message.includes(key)) return err
  return new AkeebaError(err.kind, redactKey(err.message, key), {
    envelopeStatus: err.envelopeStatus,
    raw: err.raw,
    cause: err.cause,
  })
}
