// `npm start`: builds the app when the build is missing or older than the sources, then serves it
// with lib/runtime/http-server.mjs in a child process with its Node flags (Next's request handler behind a small Node server that gives
// archive downloads their Content-Length; migrations run and the runner starts inside the server:
// instrumentation.ts).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const next = path.join(root, 'node_modules/next/dist/bin/next')
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

function newestMtime(dir) {
  let newest = 0
  if (!existsSync(dir)) return 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue
    const p = path.join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID')
const sources = ['app', 'components', 'lib', 'public'].map((d) => newestMtime(path.join(root, d)))
const stale =
  !existsSync(buildId) ||
  Math.max(...sources, statSync(path.join(root, 'package.json')).mtimeMs) > statSync(buildId).mtimeMs
if (stale || process.env.STEPWISE_REBUILD === '1') {
  console.log('stepwise: building the app (first start or sources changed)…')
  const b = spawnSync(process.execPath, [next, 'build'], { cwd: root, env, stdio: 'inherit' })
  if (b.status !== 0) process.exit(b.status ?? 1)
}
const host = process.env.HOST || '127.0.0.1'
const port = process.env.PORT || '3000'
const { SERVER_NODE_FLAGS } = await import('./runtime/http-server.mjs')
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, 'lib/runtime/http-server.mjs')], {
  cwd: root,
  env: { ...env, HOST: host, PORT: port },
  stdio: 'inherit',
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
