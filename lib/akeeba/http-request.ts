// node:http(s) directly rather than fetch: a real connect timeout separate from the per-call timeout,
// streaming for downloadDirect, and no keep-alive pool (agent: false) that could reuse a socket a
// proxy already closed. Every failure comes out as an AkeebaError.
// Every call to a site goes through here, so this is where the outbound address guard sits: the host
// is resolved once, every address checked (lib/net-guard), and the socket connects to that checked
// address through `lookup`; Host header and TLS server name stay the URL's.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { AkeebaError } from './types'
import { makeRaw } from './redact'
import { transportError } from './node-errors'
import { config } from '../config'
import { resolveGuarded, type ResolvedAddress } from '../net-guard/resolve-guarded'

export interface HttpOptions {
  url: URL
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string
  connectTimeoutMs: number
  timeoutMs: number
  signal?: AbortSignal
  insecureTls?: boolean
}

export interface HttpHead {
  status: number
  reason: string
  headers: IncomingHttpHeaders
}

export interface OpenResponse {
  head: HttpHead
  res: IncomingMessage
  elapsedMs(): number
  /** Stops the whole-call timer; the caller takes over (an idle timeout while streaming). */
  release(): void
  /** The call is over: drop every timer and listener. */
  done(): void
  /** Ends the call with this error; after the head it arrives as the response stream's 'error'. */
  fail(err: AkeebaError): void
  /** Maps whatever the response stream emitted to an AkeebaError. */
  toError(err: unknown): AkeebaError
}

export const prematureClose = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' })

export const secs = (ms: number) => `${Math.round(ms / 100) / 10} s`

function abortError(signal: AbortSignal, host: string, elapsed: number): AkeebaError {
  const reason: unknown = signal.reason
  const raw = makeRaw(0, '', elapsed)
  // AbortSignal.timeout() is a caller's deadline: the same meaning as our own timeout.
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new AkeebaError(
      'timeout',
      `The call to ${host} hit the caller's deadline after ${secs(elapsed)}; the site may still have done the work.`,
      { raw, cause: reason },
    )
  }
  return new AkeebaError(
    'transport',
    `The call to ${host} was cancelled after ${secs(elapsed)}; the site may still have done the work.`,
    { raw, cause: reason },
  )
}

/** A `lookup` that answers only the address the guard checked: no second DNS question. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }])
    else callback(null, target.address, target.family)
  }) as LookupFunction
}

export function openRequest(o: HttpOptions): Promise<OpenResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const elapsedMs = () => performance.now() - started
    const host = o.url.host
    const secure = o.url.protocol === 'https:'
    let head: HttpHead | null = null
    let res: IncomingMessage | null = null
    let finished = false

    const rawNow = () => makeRaw(head?.status ?? 0, '', elapsedMs())
    const toError = (err: unknown) => (err instanceof AkeebaError ? err : transportError(err, host, rawNow()))
    const cleanup = () => {
      clearTimeout(connectTimer)
      clearTimeout(totalTimer)
      o.signal?.removeEventListener('abort', onAbort)
    }
    const done = () => {
      finished = true
      cleanup()
    }
    const fail = (err: AkeebaError) => {
      if (finished) return
      done()
      if (res) res.destroy(err)
      else reject(err)
      req?.destroy()
    }
    const timeout = (text: string) => fail(new AkeebaError('timeout', text, { raw: rawNow() }))
    const connectTimer = setTimeout(
      () => timeout(`Could not connect to ${host} within ${secs(o.connectTimeoutMs)}.`),
      o.connectTimeoutMs,
    )
    const totalTimer = setTimeout(
      () =>
        timeout(
          `No complete answer from ${host} within ${secs(o.timeoutMs)}; the site may still be working on the request.`,
        ),
      o.timeoutMs,
    )
    const onAbort = () => fail(abortError(o.signal!, host, elapsedMs()))

    let req: http.ClientRequest | undefined

    const send = (target: ResolvedAddress) => {
      try {
        req = (secure ? https : http).request(o.url, {
          method: o.method,
          headers:
            o.body === undefined ? o.headers : { ...o.headers, 'Content-Length': String(Buffer.byteLength(o.body)) },
          agent: false,
          lookup: pinnedLookup(target),
          ...(secure ? { rejectUnauthorized: !o.insecureTls } : {}),
        })
      } catch (err) {
        // e.g. ERR_INVALID_CHAR for a key with characters a header cannot carry (Node names the
        // header, never its value).
        cleanup()
        finished = true
        const what = err instanceof Error ? err.message : String(err)
        return reject(
          new AkeebaError('transport', `Could not send the request to ${host}: ${what}`, { raw: rawNow(), cause: err }),
        )
      }
      const r = req
      r.on('socket', (socket) => socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer)))
      r.on('error', (err) => fail(toError(err)))
      r.on('response', (message) => {
        res = message
        head = { status: message.statusCode ?? 0, reason: message.statusMessage ?? '', headers: message.headers }
        resolve({ head, res: message, elapsedMs, release: () => clearTimeout(totalTimer), done, fail, toError })
      })
      r.end(o.body)
    }

    if (o.signal?.aborted) return onAbort()
    o.signal?.addEventListener('abort', onAbort, { once: true })
    // The host's name is resolved and checked inside the connect timer: a slow DNS is a slow connect.
    resolveGuarded(o.url.hostname, { allowPrivate: config().STEPWISE_ALLOW_PRIVATE_NETWORKS }).then(
      (target) => {
        if (!finished) send(target)
      },
      (err: unknown) => fail(toError(err)),
    )
  })
}

/** Reads a whole response as UTF-8 text, bounded so a runaway body cannot exhaust memory. */
export function readText(open: OpenResponse, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let ended = false
    open.res.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) chunks.push(chunk)
      else
        open.fail(
          new AkeebaError('protocol', `The site's answer is larger than ${maxBytes} bytes; stopped reading.`, {
            raw: makeRaw(open.head.status, '', open.elapsedMs()),
          }),
        )
    })
    open.res.on('end', () => {
      ended = true
      open.done()
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    open.res.on('error', (err) => {
      open.done()
      reject(open.toError(err))
    })
    // A socket closed before the announced end, with no 'error' of its own.
    open.res.on('close', () => {
      if (ended) return
      open.done()
      reject(open.toError(prematureClose()))
    })
  })
}
