// Browser safety for every request, before pages and route handlers and whoever is signed in: the Host
// must be ours (DNS rebinding), API changes must come from our own origin as JSON (CSRF), bodies are
// capped. The rules are lib/http-guard/check-request.ts; this file adapts Next's request to them.
import { NextResponse, type NextRequest } from 'next/server'
import { config as readConfig } from './lib/config'
import { allowedHostsFrom, type AllowedHosts } from './lib/http-guard/allowed-hosts'
import { checkRequest, isApiPath, type GuardVerdict } from './lib/http-guard/check-request'
import { MAX_BODY_BYTES, MAX_BODY_LABEL } from './lib/http-guard/limits'
import { readCapped } from './lib/http-guard/read-capped'

let allowed: AllowedHosts | undefined

function allowedHosts(): AllowedHosts {
  const c = readConfig()
  return (allowed ??= allowedHostsFrom({
    publicUrl: c.STEPWISE_PUBLIC_URL,
    listenHost: c.HOST,
    extraHosts: c.STEPWISE_ALLOWED_HOSTS,
  }))
}

type Refusal = Extract<GuardVerdict, { ok: false }>

function refusal(v: Refusal, api: boolean): NextResponse {
  const headers = { 'cache-control': 'no-store' }
  if (api) return NextResponse.json({ error: { code: v.code, message: v.message } }, { status: v.status, headers })
  return new NextResponse(`${v.status} ${v.message}\n`, {
    status: v.status,
    headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
  })
}

export async function proxy(req: NextRequest): Promise<NextResponse> {
  const api = isApiPath(req.nextUrl.pathname)
  const v = checkRequest({
    method: req.method,
    pathname: req.nextUrl.pathname,
    headers: req.headers,
    allowedHosts: allowedHosts(),
  })
  if (!v.ok) return refusal(v, api)
  // A chunked body declares no length: count it here. Next hands the proxy a copy of the body stream
  // (next.config.js caps how much of it Next keeps for the route), so reading it costs the route nothing.
  if (v.hasBody && v.contentLength === null) {
    const read = await readCapped(req.body, MAX_BODY_BYTES)
    if (read.tooLarge) {
      const message = `The request body is larger than ${MAX_BODY_LABEL}.`
      return refusal({ ok: false, status: 413, code: 'payload_too_large', message }, api)
    }
  }
  return NextResponse.next({ request: { headers: clientAddressHeaders(req.headers) } })
}

/**
 * The client's address as routes and better-auth read it (X-Forwarded-For): behind a trusted reverse
 * proxy, the last entry (the address that proxy saw; earlier ones are whatever the client sent); with
 * no trusted proxy, nothing — a header the client wrote itself would let it dodge the sign-in limit
 * and fake the audit trail.
 */
function clientAddressHeaders(incoming: Headers): Headers {
  const headers = new Headers(incoming)
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()
  headers.delete('x-forwarded-for')
  headers.delete('x-real-ip')
  if (readConfig().STEPWISE_TRUST_PROXY && last) headers.set('x-forwarded-for', last)
  return headers
}

export const config = {
  // Every path, static files included: a foreign Host gets nothing at all.
  matcher: '/:path*',
}
