// The browser-safety rules every request passes before it reaches a page or a route handler (proxy.ts
// adapts Next's request to this and turns a refusal into a response). Pure: no config, no I/O.
import { STATUS_OF, type AppErrorCode } from '../api/errors'
import { isAllowedHost, isAllowedOrigin, parseHostHeader, type AllowedHosts } from './allowed-hosts'
import { MAX_BODY_BYTES, MAX_BODY_LABEL } from './limits'

export interface GuardInput {
  method: string
  pathname: string
  headers: { get(name: string): string | null }
  allowedHosts: AllowedHosts
}

export type GuardVerdict =
  | { ok: true; hasBody: boolean; contentLength: number | null }
  | { ok: false; status: number; code: AppErrorCode; message: string }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isMutating(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase())
}

/** Decoded before the test so `/%61pi/sites` or `//api/sites` cannot slip past as "not the API". */
export function isApiPath(pathname: string): boolean {
  let p = pathname
  try {
    p = decodeURIComponent(pathname)
  } catch {
    // a malformed escape is not a route Next will serve either; test it as written
  }
  p = p.replace(/\/{2,}/g, '/').toLowerCase()
  return p === '/api' || p.startsWith('/api/')
}

export function isJsonContentType(value: string | null): boolean {
  return value?.split(';', 1)[0].trim().toLowerCase() === 'application/json'
}

const refuse = (code: AppErrorCode, message: string): GuardVerdict => ({
  ok: false,
  status: STATUS_OF[code],
  code,
  message,
})

const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 100)}…` : s)

export function checkRequest({ method, pathname, headers, allowedHosts }: GuardInput): GuardVerdict {
  const hostHeader = headers.get('host')
  const host = parseHostHeader(hostHeader)
  if (!host || !isAllowedHost(host, allowedHosts)) {
    return refuse(
      'misdirected_request',
      `This server does not answer to the host name "${clip(hostHeader ?? '')}". Open it by the address set in ` +
        'STEPWISE_PUBLIC_URL, or add the name to STEPWISE_ALLOWED_HOSTS.',
    )
  }

  const rawLength = headers.get('content-length')
  const contentLength = rawLength === null ? null : /^\d+$/.test(rawLength.trim()) ? Number(rawLength) : NaN
  if (Number.isNaN(contentLength)) return refuse('bad_request', 'The Content-Length header is not a number.')
  // Without Content-Length a body can still come chunked; the proxy then counts it as it arrives.
  const hasBody = (contentLength ?? 0) > 0 || (contentLength === null && headers.get('transfer-encoding') !== null)

  if (isMutating(method) && isApiPath(pathname)) {
    const site = headers.get('sec-fetch-site')?.toLowerCase()
    const origin = headers.get('origin')
    if (site === 'cross-site') return refuse('forbidden', 'Requests from other sites are refused.')
    if (origin !== null && !isAllowedOrigin(origin, host, allowedHosts)) {
      return refuse('forbidden', `Requests from another origin (${clip(origin)}) are refused.`)
    }
    if (site === 'same-site' && origin === null) return refuse('forbidden', 'Requests from other sites are refused.')
    // A form or a no-cors fetch can only send text/plain, form or multipart bodies without a CORS
    // preflight; insisting on JSON closes that door even for a browser that sends no Origin.
    if (hasBody && !isJsonContentType(headers.get('content-type'))) {
      return refuse('unsupported_media_type', 'Send the request body as application/json.')
    }
  }

  if (contentLength !== null && contentLength > MAX_BODY_BYTES) {
    return refuse('payload_too_large', `The request body is larger than ${MAX_BODY_LABEL}.`)
  }
  return { ok: true, hasBody, contentLength }
}
