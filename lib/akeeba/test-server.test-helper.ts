// A tiny node:http server on 127.0.0.1:0 for tests: records requests, answers via a swappable handler.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SeenRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
  form: URLSearchParams
}

export type Handler = (req: SeenRequest, res: http.ServerResponse, raw: http.IncomingMessage) => void

export interface TestServer {
  base: string
  port: number
  seen: SeenRequest[]
  handle(h: Handler): void
  close(): Promise<void>
}

export async function startTestServer(initial?: Handler): Promise<TestServer> {
  let handler: Handler = initial ?? ((_q, res) => res.writeHead(404).end())
  const seen: SeenRequest[] = []
  const server = http.createServer((raw, res) => {
    const chunks: Buffer[] = []
    raw.on('data', (c: Buffer) => chunks.push(c))
    raw.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const url = raw.url ?? '/'
      const form = raw.method === 'POST' ? new URLSearchParams(body) : new URL(url, 'http://x').searchParams
      const req = { method: raw.method ?? '', url, headers: raw.headers, body, form }
      seen.push(req)
      handler(req, res, raw)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    base: `http://127.0.0.1:${port}/`,
    port,
    seen,
    handle: (h) => {
      handler = h
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function json(res: http.ServerResponse, body: string, status = 200, reason?: string): void {
  res.writeHead(status, reason ?? http.STATUS_CODES[status] ?? '', {
    'Content-Type': 'application/json; charset=UTF-8',
  })
  res.end(body)
}

export function html(res: http.ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=UTF-8' })
  res.end(body)
}
