// The web process (Next + the runner inside, as `npm start` runs it: lib/runtime/http-server.mjs)
// through 100 backups queued over the API and one 150 MB archive download: its peak RSS (VmHWM).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { startFakeFleet } from '../lib/fake-site'
import { addBenchSite, freshBenchDatabase, record, root, sleep } from './common'

const BACKUPS = Number(process.env.BENCH_MEMORY_BACKUPS ?? 100)
const DOWNLOAD_BYTES = Number(process.env.BENCH_MEMORY_DOWNLOAD_MB ?? 150) * 1024 * 1024

function rss(pid: number): { now: number; peak: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? NaN) * 1024
    return { now: kb('VmRSS'), peak: kb('VmHWM') }
  } catch {
    return { now: NaN, peak: NaN }
  }
}

export async function memory(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    record({
      name: 'web process peak RSS',
      figure: 'n/a',
      target: '≤ 300 MB',
      ok: null,
      note: `no build in ${distDir}`,
    })
    return
  }
  const fleet = await startFakeFleet({ port: 0, sites: [] })
  const b = await freshBenchDatabase('sqlite')
  const port = Number(process.env.BENCH_PORT ?? 3290)
  const sites: string[] = []
  for (let i = 0; i < 10; i++) sites.push(await addBenchSite(fleet, `m${i}`, { stepLatencyMs: 10 }))
  const big = await addBenchSite(fleet, 'big', { stepLatencyMs: 10, archiveSizeBytes: DOWNLOAD_BYTES })
  const { createApiToken } = await import('../lib/auth/api-tokens')
  const { token } = await createApiToken({ name: 'bench', role: 'operator' }, null)
  const { archiveIdOfRun, countRunsNotSucceeded, countRunsStillActive } = await import('../lib/db/bench-probes')
  // As `npm start` runs it (lib/start.mjs): the server module with its Node flags.
  const { SERVER_NODE_FLAGS } = await import('../lib/runtime/http-server.mjs')
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, 'lib/runtime/http-server.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      ...b.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      NEXT_DIST_DIR: distDir,
      STEPWISE_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, rss(server.pid!).peak || 0)), 250)
  try {
    for (let i = 0; i < 240; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break
      await sleep(500)
    }
    const afterStart = rss(server.pid!).now
    const t0 = Date.now()
    let queued = 0
    while (queued < BACKUPS) {
      const round = sites.slice(0, Math.min(sites.length, BACKUPS - queued))
      const ids: string[] = []
      for (const s of round) {
        const r = await fetch(`${base}/api/sites/${s}/backups`, { method: 'POST', headers, body: '{}' })
        if (r.status !== 202) throw new Error(`queue: ${r.status} ${await r.text()}`)
        ids.push(((await r.json()) as { run: { id: string } }).run.id)
      }
      queued += ids.length
      while ((await countRunsStillActive(ids)) > 0) await sleep(100)
    }
    const failed = await countRunsNotSucceeded()
    const afterBackups = rss(server.pid!).now
    console.log(
      `\n== web process memory (${BACKUPS} backups in ${((Date.now() - t0) / 1000).toFixed(0)} s, ${failed} not succeeded)`,
    )
    // The big archive: one backup, then its archive part downloaded through the server.
    const r = await fetch(`${base}/api/sites/${big}/backups`, { method: 'POST', headers, body: '{}' })
    const runId = ((await r.json()) as { run: { id: string } }).run.id
    let archiveId: string | null = null
    for (let i = 0; i < 600 && !archiveId; i++) {
      archiveId = await archiveIdOfRun(runId)
      if (!archiveId) await sleep(100)
    }
    if (!archiveId) throw new Error('the big backup left no archive row')
    const got = await new Promise<{ bytes: number; length: string | undefined }>((resolve, reject) => {
      http
        .get(`${base}/api/archives/${archiveId}/download?part=1`, { headers }, (res) => {
          let bytes = 0
          res.on('data', (c: Buffer) => (bytes += c.length))
          res.on('end', () => resolve({ bytes, length: res.headers['content-length'] }))
          res.on('error', reject)
        })
        .on('error', reject)
    })
    const afterDownload = rss(server.pid!).now
    peak = Math.max(peak, rss(server.pid!).peak || 0)
    const mb = (x: number) => (x / 1024 / 1024).toFixed(0)
    console.log(
      `RSS after start ${mb(afterStart)} MB, after the backups ${mb(afterBackups)} MB, after the download ${mb(afterDownload)} MB; peak ${mb(peak)} MB`,
    )
    console.log(`download: ${got.bytes} bytes, Content-Length ${got.length}`)
    record({
      name: `web process peak RSS (${BACKUPS} backups + ${mb(DOWNLOAD_BYTES)} MB download)`,
      figure: `${mb(peak)} MB`,
      target: '≤ 300 MB',
      ok: peak <= 300 * 1024 * 1024 && got.bytes === DOWNLOAD_BYTES,
      note: got.bytes === DOWNLOAD_BYTES ? `Content-Length ${got.length}` : `download got ${got.bytes} bytes`,
    })
  } finally {
    clearInterval(sampler)
    await new Promise<void>((res) => {
      if (server.exitCode !== null) return res()
      server.once('exit', () => res())
      server.kill('SIGTERM')
      setTimeout(() => server.kill('SIGKILL'), 15_000).unref()
    })
    await fleet.close()
    await b.close()
  }
}
