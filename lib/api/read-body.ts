// Reads a JSON request body with a byte cap. The proxy already refuses a declared Content-Length over
// the cap; this also caps chunked bodies that declare none, and route handlers called without the
// proxy (tests, scripts).
import { MAX_BODY_BYTES, MAX_BODY_LABEL } from '../http-guard/limits'
import { isJsonContentType } from '../http-guard/check-request'
import { readCapped } from '../http-guard/read-capped'
import { AppError } from './errors'

const tooLarge = () => new AppError('payload_too_large', `The request body is larger than ${MAX_BODY_LABEL}.`)
const notJson = () => new AppError('bad_request', 'The request body is not valid JSON.')

/** The parsed JSON body; `{}` when the body is empty. Throws AppError payload_too_large (over
 *  `maxBytes`, reading stops there), unsupported_media_type (a body that is not application/json) or
 *  bad_request (not valid JSON or not UTF-8). */
export async function readJsonBody(req: Request, maxBytes: number = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) {
    await req.body?.cancel().catch(() => {})
    throw tooLarge()
  }
  const read = await readCapped(req.body, maxBytes)
  if (read.tooLarge) throw tooLarge()
  // Checked after reading so that an empty body with any content type means "no input", as in the proxy.
  if (read.bytes.byteLength === 0) return {}
  if (!isJsonContentType(req.headers.get('content-type'))) {
    throw new AppError('unsupported_media_type', 'Send the request body as application/json.')
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes)
  } catch {
    throw notJson()
  }
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw notJson()
  }
}
