// Fetches a site's home page for its <title> (the add-site form's default name). Best effort: any
// failure is null. Every request goes through lib/akeeba/http-request's openRequest, so the outbound
// address guard (lib/net-guard) checks each address, redirects included; the read stops at the end of
// the title or at MAX_BYTES, and the whole look-up at the deadline.
import { openRequest, type OpenResponse } from '../akeeba/http-request'
import { parseSiteUrl, siteBase } from '../akeeba/site-url'
import { extractTitle } from './site-title'

export const TITLE_MAX_BYTES = 256 * 1024
const MAX_REDIRECTS = 3

export interface TitleOptions {
  /** Whole look-up, redirects included. */
  timeoutMs?: number
  connectTimeoutMs?: number
  signal?: AbortSignal
}

/** The bytes up to the end of the <title> element (or the cap), then the connection is closed. */
function readHead(open: OpenResponse, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = () => {
      if (settled) return
      settled = true
      open.done()
      open.res.destroy()
      resolve(Buffer.concat(chunks).subarray(0, maxBytes))
    }
    open.res.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size >= maxBytes || /<\/title\s*>/i.test(chunk.toString('latin1'))) finish()
    })
    open.res.on('end', finish)
    open.res.on('error', finish)
    open.res.on('close', finish)
  })
}

function charsetOf(contentType: string | undefined, head: Buffer): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]
  if (fromHeader) return fromHeader
  const meta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head.subarray(0, 4096).toString('latin1'))?.[1]
  return meta ?? 'utf-8'
}

function decode(buf: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(buf)
  } catch {
    return new TextDecoder('utf-8').decode(buf)
  }
}

/** The title of the home page behind `pastedUrl` (the site root of whatever was pasted), or null. */
export async function fetchSiteTitle(pastedUrl: string, o: TitleOptions = {}): Promise<string | null> {
  const parsed = parseSiteUrl(pastedUrl)
  if (!parsed) return null
  const deadline = AbortSignal.timeout(o.timeoutMs ?? 5_000)
  const signal = o.signal ? AbortSignal.any([o.signal, deadline]) : deadline
  let url = siteBase(parsed)
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const open = await openRequest({
        url,
        method: 'GET',
        headers: {
          Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
          Connection: 'close',
          'User-Agent': 'Stepwise/0.1 (site title)',
        },
        connectTimeoutMs: o.connectTimeoutMs ?? 3_000,
        timeoutMs: o.timeoutMs ?? 5_000,
        signal,
      })
      const { status, headers } = open.head
      if (status >= 300 && status < 400 && typeof headers.location === 'string') {
        open.done()
        open.res.destroy()
        const next = new URL(headers.location, url)
        if (next.protocol !== 'http:' && next.protocol !== 'https:') return null
        url = next
        continue
      }
      if (status < 200 || status >= 300) {
        open.done()
        open.res.destroy()
        return null
      }
      const type = headers['content-type']
      if (type && !/html|xml/i.test(type)) {
        open.done()
        open.res.destroy()
        return null
      }
      const head = await readHead(open, TITLE_MAX_BYTES)
      return extractTitle(decode(head, charsetOf(type, head)))
    }
    return null
  } catch {
    return null
  }
}
