// Turns an Outcome into bytes on the wire, with persona headers and the scenario's junk.
import type { ServerResponse } from 'node:http'
import { once } from 'node:events'
import type { JoomlaFormat } from './endpoints'
import type { Outcome } from './handlers'
import { bare500Headers, binaryHeaders, htmlHeaders, jsonHeaders } from './http-headers'
import { GATEWAY_502, withJunk } from './html-pages'
import { envelope } from './php-json'
import type { FakeSite } from './site'

const CHUNK = 1024 * 1024

export function sendText(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  reason?: string,
): void {
  if (res.destroyed) return
  const all = { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }
  if (reason !== undefined) res.writeHead(status, reason, all)
  else res.writeHead(status, all)
  res.end(body)
}

export async function sendOutcome(
  res: ServerResponse,
  site: FakeSite,
  format: JoomlaFormat,
  out: Outcome,
): Promise<void> {
  switch (out.kind) {
    case 'json':
      return sendText(res, 200, jsonHeaders(site, format), withJunk(envelope(out.status, out.data), site.scenario.junk))
    case 'html':
      return sendText(
        res,
        out.httpStatus,
        htmlHeaders(site, site.persona === 'joomla' ? 'text/html; charset=utf-8' : 'text/html; charset=UTF-8'),
        out.body,
      )
    case 'bare500':
      return sendText(res, 500, bare500Headers(site), '', out.reason)
    case 'binary':
      return streamBinary(res, binaryHeaders(site, out.name, out.size), out.size, out.read)
  }
}

async function streamBinary(
  res: ServerResponse,
  headers: Record<string, string>,
  size: number,
  read: (o: number, n: number) => Buffer,
): Promise<void> {
  res.writeHead(200, headers)
  let offset = 0
  while (offset < size && !res.destroyed) {
    const n = Math.min(CHUNK, size - offset)
    const ok = res.write(read(offset, n))
    offset += n
    if (!ok && !res.destroyed) await Promise.race([once(res, 'drain'), once(res, 'close')])
  }
  if (!res.destroyed) res.end()
}

export function sendGateway502(res: ServerResponse): void {
  sendText(res, 502, { Server: 'nginx', 'Content-Type': 'text/html' }, GATEWAY_502)
}
