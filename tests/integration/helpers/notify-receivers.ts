// Local receivers for alert tests: an HTTP server that records every request (and answers what the
// test says), and an SMTP server (smtp-server) whose mails are parsed with mailparser.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

export interface Received {
  path: string
  headers: http.IncomingHttpHeaders
  body: string
  /** The status this receiver answered. */
  status: number
}

export interface HttpReceiver {
  url: string
  received: Received[]
  /** Status to answer per request (default 200); return 'hang' to never answer. */
  answer: (r: Omit<Received, 'status'>) => number | 'hang'
  close(): Promise<void>
}

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const hanging: http.ServerResponse[] = []
  const r: HttpReceiver = {
    url: '',
    received: [],
    answer: () => 200,
    close: () =>
      new Promise<void>((resolve) => {
        for (const h of hanging) h.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const got = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      const status = r.answer(got)
      if (status === 'hang') {
        hanging.push(res)
        r.received.push({ ...got, status: 0 })
        return
      }
      r.received.push({ ...got, status })
      res.writeHead(status, { 'content-type': 'text/plain' })
      res.end(status < 300 ? 'ok' : 'receiver says no')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return r
}

export interface SmtpReceiver {
  url: string
  mails: ParsedMail[]
  close(): Promise<void>
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          mails.push(m)
          cb()
        })
        .catch((e: Error) => cb(e))
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export async function until<T>(f: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await f()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
