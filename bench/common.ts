// Shared by the benchmark sections (bench/run.ts): results with their targets, statistics, a fresh
// database (SQLite file or a throwaway PostgreSQL database), fake sites registered as real ones.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { FakeFleet } from '../lib/fake-site'

export const root = path.resolve(import.meta.dirname, '..')
// The fake fleet listens on 127.0.0.1: allow loopback site addresses, as the demo does (the worker
// child processes inherit it).
process.env.STEPWISE_ALLOW_PRIVATE_NETWORKS ||= 'true'

/** One measured target: printed in the summary table with its verdict. */
export interface Result {
  name: string
  figure: string
  target: string
  ok: boolean | null // null: reported only (no target)
  note?: string
}

export const results: Result[] = []

export function record(r: Result): void {
  results.push(r)
  const v = r.ok === null ? 'info' : r.ok ? 'PASS' : 'MISS'
  console.log(`  → ${r.name}: ${r.figure} (target ${r.target}) ${v}${r.note ? `  [${r.note}]` : ''}`)
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN
}
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : NaN
  } catch {
    return NaN
  }
}

export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

export async function pgAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2_000 })
  try {
    await c.connect()
    await c.end()
    return true
  } catch {
    return false
  }
}

export interface BenchDb {
  kind: 'sqlite' | 'postgresql'
  dir: string
  url: string
  env: Record<string, string>
  close(): Promise<void>
}

/** A fresh, migrated database for one section; this process's config points at it. */
export async function freshBenchDatabase(kind: 'sqlite' | 'postgresql' = 'sqlite'): Promise<BenchDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stepwise-bench-'))
  let url = `file:${path.join(dir, 'bench.db')}`
  let drop = async () => {}
  if (kind === 'postgresql') {
    const name = `stepwise_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const u = new URL(PG_ADMIN_URL)
    u.pathname = `/${name}`
    url = u.toString()
    drop = async () => {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL })
      await a.connect()
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await a.end()
    }
  }
  const env = { DATABASE_URL: url, STEPWISE_DATA_DIR: dir, STEPWISE_LOG_LEVEL: 'error' }
  Object.assign(process.env, env)
  const { resetConfigForTests } = await import('../lib/config')
  const { closeDatabase } = await import('../lib/db/lifecycle')
  const { resetSiteKeyCacheForTests } = await import('../lib/secrets/site-key-cipher')
  const { migrate } = await import('../lib/db/migrate')
  resetConfigForTests()
  resetSiteKeyCacheForTests()
  await closeDatabase()
  await migrate(url)
  return {
    kind,
    dir,
    url,
    env,
    async close() {
      await closeDatabase()
      await drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const KEY = 'BenchKey123'

/** Adds a fake site to the fleet and registers it in the database as a connected site. */
export async function addBenchSite(
  fleet: FakeFleet,
  id: string,
  scenario: Record<string, unknown>,
  cipher?: string,
): Promise<string> {
  const { insertSite } = await import('../lib/db/sites')
  const { encryptSiteKey } = await import('../lib/secrets/site-key-cipher')
  fleet.addSite({ id, persona: 'wordpress', key: KEY, scenario: { countQuota: 0, ...scenario } })
  return insertSite(
    {
      name: id,
      baseUrl: fleet.url(id),
      keyCiphertext: cipher ?? encryptSiteKey(KEY),
      hostGroup: null,
      hostKey: 'host:127.0.0.1',
      tags: [],
    },
    {
      endpointUrl: fleet.endpointUrl(id),
      platform: 'wordpress',
      apiLevel: 400,
      akeebaVersion: '9.1.1',
      edition: 'pro',
      connectionStatus: 'ok',
      connectionError: null,
      profiles: [{ id: 1, name: 'Default' }],
    },
  )
}

export async function waitRunDone(runId: string, timeoutMs = 120_000): Promise<void> {
  const { getRun } = await import('../lib/db/runs')
  const end = Date.now() + timeoutMs
  for (;;) {
    const r = await getRun(runId)
    if (r && r.status !== 'queued' && r.status !== 'running') {
      if (r.status !== 'succeeded') throw new Error(`run ${runId}: ${r.status} ${r.errorMessage ?? ''}`)
      return
    }
    if (Date.now() > end) throw new Error(`run ${runId} not done after ${timeoutMs} ms`)
    await sleep(5)
  }
}

/**
 * Node flags of `npm run worker` (package.json), so worker figures are the product's; BENCH_WORKER_FLAGS
 * adds some for a look inside (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, which NODE_OPTIONS refuses).
 */
export function workerNodeFlags(): string[] {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.worker as string)
    .split(' ')
    .filter((a) => a.startsWith('--max'))
    .concat((process.env.BENCH_WORKER_FLAGS ?? '').split(' ').filter(Boolean))
}
