// Brotli for the build's static JavaScript and CSS (/_next/static/…). Next compresses what it serves
// with gzip only; Brotli makes the same files about 15 % smaller, and every current browser asks for
// it. The files are content-hashed and never change while the server runs, so each is compressed once
// (quality 11) into a `.br` file beside it, by a short-lived child process at low priority after the
// server starts: Brotli's working memory (about 50 MB at quality 11) goes away with that process
// instead of staying in the server's heap, and a restart on the same build finds the files done. The
// server then keeps the compressed files in memory (about 1 MB for the whole build). Until they are
// ready, and for clients that do not accept br, a Range request or any other path, the request goes to
// Next as before. A response from here carries the same headers as Next's own for that file: the
// security headers from next.config.js and immutable caching.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { brotliCompress, constants } from 'node:zlib'

const compress = promisify(brotliCompress)
const TYPES = { '.js': 'application/javascript; charset=UTF-8', '.css': 'text/css; charset=UTF-8' }
const PREFIX = '/_next/static/'

/** How each file is compressed (bench/js-size.ts measures with the same). */
export function brotliOptions(size) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  }
}

/** Whether an Accept-Encoding header accepts br (and does not refuse it with q=0). */
export function acceptsBrotli(header) {
  if (!header) return false
  for (const part of String(header).split(',')) {
    const [coding, ...params] = part.trim().split(';')
    if (coding.trim().toLowerCase() !== 'br') continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return !q || Number(q.slice(2)) > 0
  }
  return false
}

/** The headers next.config.js gives every path (the security headers), as [name, value] pairs. */
async function configHeaders(dir) {
  const require = createRequire(path.join(dir, 'package.json'))
  const load = require(path.join(dir, 'next.config.js'))
  const config = typeof load === 'function' ? load('phase-production-server') : load
  const rules = (await config.headers?.()) ?? []
  return rules.filter((r) => r.source === '/:path*').flatMap((r) => r.headers.map((h) => [h.key, h.value]))
}

async function* filesUnder(root, rel = '') {
  let entries
  try {
    entries = await readdir(path.join(root, rel), { withFileTypes: true })
  } catch {
    return
  }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name
    if (e.isDirectory()) yield* filesUnder(root, r)
    else if (e.isFile() && TYPES[path.extname(e.name)]) yield r
  }
}

/** Writes `<file>.br` for every static file under `root` that has none newer than itself. */
export async function compressStaticFiles(root) {
  for await (const rel of filesUnder(root)) {
    const file = path.join(root, rel)
    const st = await stat(file)
    const done = await stat(`${file}.br`).catch(() => null)
    if (done && done.mtimeMs >= st.mtimeMs) continue
    const body = await readFile(file)
    const br = await compress(body, brotliOptions(body.length))
    // Written whole, then renamed: a server reading meanwhile sees the old file or the new, never half.
    const tmp = `${file}.br.${process.pid}.tmp`
    await writeFile(tmp, br)
    await rename(tmp, `${file}.br`)
  }
}

/** Runs compressStaticFiles in a child process at the lowest CPU priority; resolves when it exits. */
function compressInChild(root) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--compress', root], {
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    try {
      os.setPriority(child.pid, 19)
    } catch {
      // not allowed here: it runs at normal priority
    }
    child.once('error', (e) => resolve(e))
    child.once('exit', (code) => resolve(code === 0 ? null : new Error(`exited with ${code}`)))
  })
}

/**
 * Starts compressing the build's static files in the background and returns the request handler:
 * `serve(req, res)` answers and returns true when it has the file in Brotli, else returns false.
 */
export async function staticBrotli({ dir, distDir = process.env.NEXT_DIST_DIR || '.next' }) {
  const headers = await configHeaders(dir)
  const ready = new Map()
  const root = path.join(dir, distDir, 'static')
  const done = (async () => {
    const failed = await compressInChild(root)
    if (failed) console.error('stepwise: static files stay gzip only: compressing them failed:', failed.message)
    for await (const rel of filesUnder(root)) {
      const file = path.join(root, rel)
      const [st, br] = await Promise.all([stat(file), readFile(`${file}.br`).catch(() => null)])
      if (!br || br.length >= st.size) continue
      ready.set(PREFIX + rel, {
        br,
        type: TYPES[path.extname(rel)],
        etag: `"br-${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`,
        lastModified: st.mtime.toUTCString(),
      })
    }
  })().catch((e) => console.error('stepwise: static files stay gzip only:', e))

  function serve(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const url = req.url ?? ''
    if (!url.startsWith(PREFIX) || req.headers.range) return false
    const entry = ready.get(url.split(/[?#]/, 1)[0])
    if (!entry || !acceptsBrotli(req.headers['accept-encoding'])) return false
    for (const [k, v] of headers) res.setHeader(k, v)
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
    res.setHeader('Content-Type', entry.type)
    res.setHeader('Vary', 'Accept-Encoding')
    res.setHeader('ETag', entry.etag)
    res.setHeader('Last-Modified', entry.lastModified)
    if (req.headers['if-none-match'] === entry.etag) {
      res.statusCode = 304
      res.end()
      return true
    }
    res.setHeader('Content-Encoding', 'br')
    res.setHeader('Content-Length', String(entry.br.length))
    res.statusCode = 200
    res.end(req.method === 'HEAD' ? undefined : entry.br)
    return true
  }
  return { serve, done, ready }
}

// The child: node lib/runtime/static-brotli.mjs --compress <static dir>
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--compress') {
  compressStaticFiles(process.argv[3]).then(
    () => process.exit(0),
    (e) => {
      console.error('stepwise: compressing static files failed', e)
      process.exit(1)
    },
  )
}
