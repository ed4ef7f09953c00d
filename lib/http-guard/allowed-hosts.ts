// Which Host headers the server answers to. A DNS-rebinding page reaches us under the attacker's own
// host name, so checking the name (not the port) is what defeats it.

export interface AllowedHosts {
  /** Host names without port, lower case; IPv6 in brackets (`[::1]`). */
  names: ReadonlySet<string>
  /** STEPWISE_PUBLIC_URL's origin: the one origin accepted for its host name, and accepted even when a
   *  reverse proxy rewrote Host to the upstream address. */
  publicOrigin: string | null
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]', '*'])

export function allowedHostsFrom(opts: {
  publicUrl?: string
  listenHost?: string
  extraHosts?: string[]
}): AllowedHosts {
  const names = new Set(LOOPBACK)
  let publicOrigin: string | null = null
  if (opts.publicUrl) {
    const u = new URL(opts.publicUrl)
    names.add(u.hostname.toLowerCase())
    publicOrigin = u.origin
  }
  const listen = opts.listenHost?.trim().toLowerCase()
  if (listen && !WILDCARD_BINDS.has(listen))
    names.add(listen.includes(':') && !listen.startsWith('[') ? `[${listen}]` : listen)
  for (const h of opts.extraHosts ?? []) names.add(h.toLowerCase())
  return { names, publicOrigin }
}

export interface ParsedHost {
  hostname: string
  /** Port as written in the header, or null when the header has none (the scheme's default). */
  port: string | null
}

/** `Example.COM:3000` → {hostname: 'example.com', port: '3000'}; `[::1]:80` → {hostname: '[::1]', port: '80'}. */
export function parseHostHeader(value: string | null): ParsedHost | null {
  const v = value?.trim().toLowerCase()
  if (!v) return null
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]/\s@]+)(?::(\d{1,5}))?$/.exec(v)
  if (!m) return null
  // `localhost.` (trailing dot) names the same host.
  const hostname = m[1].endsWith('.') ? m[1].slice(0, -1) : m[1]
  return { hostname, port: m[2] ?? null }
}

export function isAllowedHost(host: ParsedHost, allowed: AllowedHosts): boolean {
  return allowed.names.has(host.hostname)
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' }

/** The browser's Origin header is acceptable when it is STEPWISE_PUBLIC_URL's origin, or the very host
 *  and port the request was sent to (another port on localhost is another site). */
export function isAllowedOrigin(origin: string, host: ParsedHost, allowed: AllowedHosts): boolean {
  if (allowed.publicOrigin && origin === allowed.publicOrigin) return true
  let u: URL
  try {
    u = new URL(origin)
  } catch {
    return false // includes the opaque origin "null"
  }
  if (!(u.protocol in DEFAULT_PORT) || u.origin !== origin) return false
  if (allowed.publicOrigin && u.hostname === new URL(allowed.publicOrigin).hostname) return false
  const originPort = u.port || DEFAULT_PORT[u.protocol]
  const hostPort = host.port ?? DEFAULT_PORT[u.protocol]
  return u.hostname === host.hostname && originPort === hostPort
}
