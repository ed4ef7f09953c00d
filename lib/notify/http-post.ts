// POSTs an alert to a receiver's URL through the same outbound address guard as sites
// (lib/net-guard): the host is resolved once, checked, and the socket connects to that address.
// Only the start of the answer is kept (it is shown on the Notifications page).
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { config } from '../config'
import { resolveGuarded } from '../net-guard'

export interface PostResult {
  status: number | null
  /** The status line and the start of the body, or what went wrong. */
  answer: string
  ok: boolean
}

const MAX_ANSWER = 1_000

export async function postTo(
  target: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs = 15_000,
): Promise<PostResult> {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return { ok: false, status: null, answer: 'The channel URL is not a valid address.' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, status: null, answer: 'The channel URL must start with http:// or https://.' }
  let addr
  try {
    addr = await resolveGuarded(url.hostname, { allowPrivate: config().STEPWISE_ALLOW_PRIVATE_NETWORKS })
  } catch (e) {
    return { ok: false, status: null, answer: e instanceof Error ? e.message : String(e) }
  }
  const lookup = ((_h: string, o: { all?: boolean }, cb: (...a: unknown[]) => void) =>
    o?.all
      ? cb(null, [{ address: addr.address, family: addr.family }])
      : cb(null, addr.address, addr.family)) as LookupFunction
  const lib = url.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    const req = lib.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup,
        timeout: timeoutMs,
        headers: { 'user-agent': 'Stepwise-Notify/1', ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (c: Buffer) => {
          if (size < MAX_ANSWER) chunks.push(c)
          size += c.length
        })
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER)
          const status = res.statusCode ?? 0
          resolve({
            ok: status >= 200 && status < 300,
            status,
            answer: `${status} ${res.statusMessage ?? ''}`.trim() + (text ? `: ${text}` : ''),
          })
        })
        res.on('error', (e) => resolve({ ok: false, status: res.statusCode ?? null, answer: e.message }))
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)))
    req.on('error', (e) => resolve({ ok: false, status: null, answer: e.message }))
    req.end(body)
  })
}
