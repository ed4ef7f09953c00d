// The address people use to reach Stepwise: STEPWISE_PUBLIC_URL, else the address it listens on.
import { config } from '../config'

export function publicBaseUrl(): string {
  const c = config()
  if (c.STEPWISE_PUBLIC_URL) return c.STEPWISE_PUBLIC_URL.replace(/\/+$/, '')
  const host = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST
  return `http://${host.includes(':') ? `[${host}]` : host}:${c.PORT}`
}

/** Whether the server listens only on this machine (then the setup page needs no setup code). */
export function listensOnLoopbackOnly(): boolean {
  const h = config().HOST
  return h === '127.0.0.1' || h === 'localhost' || h === '::1' || h.startsWith('127.')
}

/** Whether STEPWISE_PUBLIC_URL (when set) names this machine; a proxy on the same host makes a
 *  loopback-bound server reachable from the network, and then setup needs the code too. */
export function publicUrlIsLoopback(): boolean {
  const u = config().STEPWISE_PUBLIC_URL
  if (!u) return true
  const h = new URL(u).hostname.replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || h.startsWith('127.')
}
