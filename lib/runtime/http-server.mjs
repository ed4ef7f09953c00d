// The HTTP server in front of Next (`npm start` and the e2e web server). Every request goes to Next's
// own request handler, so proxy.ts (Host check, CSRF, body caps), sign-in and the route handlers apply
// exactly as under `next start`. One thing is added: an archive part download
// (GET /api/archives/:id/download) gets its Content-Length back. Next drops content-length from
// route-handler responses (server/send-response.js); the route states the body's verified length in
// x-body-length, and the header is restored here just before the status line goes out, so browsers
// show size and progress. The body is still the route's byte-counted stream: if the site sends fewer
// bytes, the stream errors and the connection is cut short of Content-Length (a failed download,
// never a short file). A resumed download (Range: bytes=N-) is the route's 206 from byte N.
// And the build's static JavaScript and CSS go out in Brotli to browsers that accept it
// (lib/runtime/static-brotli.mjs); Next itself only gzips.
// Signals: SIGTERM/SIGINT stop accepting connections; the runner inside hands its leases back and the
// process exits (instrumentation-node.ts).
import http from 'node:http'
import path from 'node:path'
import { staticBrotli } from './static-brotli.mjs'

/**
 * Node flags the server runs with (lib/start.mjs, the e2e web server, bench/memory.ts): a small young
 * generation (the default 16 MB semi-spaces cost ~50 MB of RSS that the server does not need) and a
 * heap ceiling well above what it uses (bench: ≈ 270 MB peak RSS through 100 backups and a 150 MB download).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=384']

// /download (one part) and /download-all (every part in one zip: its exact size is known up front too).
const DOWNLOAD_PATH = /^\/api\/archives\/[^/?#]+\/download(?:-all)?(?:\?|$)/

/** Restores Content-Length on an archive download answer (see the header comment). Exported for tests. */
export function restoreDownloadLength(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return
  if (!DOWNLOAD_PATH.test(req.url ?? '')) return
  const writeHead = res.writeHead
  res.writeHead = function (statusCode, ...rest) {
    // writeHead(status, [message], [headers]): headers passed here are merged by Node afterwards.
    const length = res.getHeader('x-body-length')
    if ((statusCode === 200 || statusCode === 206) && length !== undefined && /^\d+$/.test(String(length))) {
      res.removeHeader('transfer-encoding')
      res.setHeader('content-length', String(length))
      res.setHeader('accept-ranges', 'bytes')
    }
    return writeHead.call(this, statusCode, ...rest)
  }
}

export async function startHttpServer({ dir, host, port }) {
  // Loaded here, not at the top: lib/start.mjs reads SERVER_NODE_FLAGS without loading Next.
  const { default: next } = await import('next')
  const app = next({ dir, dev: false, hostname: host, port: Number(port) })
  await app.prepare()
  const handle = app.getRequestHandler()
  const brotli = await staticBrotli({ dir })
  const server = http.createServer((req, res) => {
    if (brotli.serve(req, res)) return
    restoreDownloadLength(req, res)
    handle(req, res).catch((e) => {
      console.error('stepwise: request failed', e)
      if (!res.headersSent) {
        res.statusCode = 500
        res.end()
      } else res.destroy()
    })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(Number(port), host, () => resolve(undefined))
  })
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.once(sig, () => {
      // The runner's own handler (instrumentation-node.ts) exits once its leases are handed back;
      // without a runner in this process, exit once the open requests are done.
      const runnerExits = process.listenerCount(sig) > 0
      server.close(() => {
        if (!runnerExits) process.exit(0)
      })
      server.closeIdleConnections()
    })
  return server
}

// Run directly (node lib/runtime/http-server.mjs): serve the existing build on HOST:PORT.
if (import.meta.url === `file://${process.argv[1]}`) {
  const host = process.env.HOST || '127.0.0.1'
  const port = process.env.PORT || '3000'
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  process.env.NODE_ENV ??= 'production'
  startHttpServer({ dir: path.resolve(import.meta.dirname, '../..'), host, port }).then(
    () => console.log(`stepwise: serving on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
