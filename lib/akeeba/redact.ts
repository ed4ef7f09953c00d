// Keeping the site key out of everything we store or show, and keeping stored bodies bounded.
import { AkeebaError, MAX_RAW_BODY, type RawExchange } from './types'

const MARK = '[redacted]'

/** JSON.stringify's escaping, and PHP json_encode's defaults on top: "/" → "\\/", non-ASCII → \\uXXXX. */
function jsonForms(key: string): string[] {
  const std = JSON.stringify(key).slice(1, -1)
  const slashes = std.replace(/\//g, '\\/')
  const ascii = (t: string) =>
    t.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
  return [std, slashes, ascii(std), ascii(slashes)]
}

/** Every form the key may take in a body or message: raw, URL- and form-encoded, JSON-escaped (as
 *  JavaScript and PHP write it), and base64 (standard and URL-safe, with or without padding). */
export function keyForms(key: string): string[] {
  const url = encodeURIComponent(key)
  const b64 = Buffer.from(key, 'utf8').toString('base64')
  const forms = [
    key,
    url,
    url.replace(/%20/g, '+'),
    ...jsonForms(key),
    b64,
    b64.replace(/=+$/, ''),
    Buffer.from(key, 'utf8').toString('base64url'),
  ]
  // Longest first, so a longer form is replaced before a shorter one inside it.
  return [...new Set(forms.filter(Boolean))].sort((a, b) => b.length - a.length)
}

/** Removes every occurrence of the key, in every form keyForms lists, from a text. */
export function redactKey(text: string, key: string | undefined): string {
  if (!key || !text) return text
  let out = text
  for (const form of keyForms(key)) out = out.split(form).join(MARK)
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
  if (!key || redactKey(err.message, key) === err.message) return err
  return new AkeebaError(err.kind, redactKey(err.message, key), {
    envelopeStatus: err.envelopeStatus,
    raw: err.raw,
    cause: err.cause,
  })
}
