// A fresh database per test file: a temp SQLite file, or a new PostgreSQL database when the run is
// the PostgreSQL leg (STEPWISE_TEST_DB=postgresql). Migrations applied by the app's own migrator.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { resetConfigForTests } from '@/lib/config'
import { disconnectDb, db } from '@/lib/db/client'
import { migrate } from '@/lib/db/migrate'
import { resetSiteKeyCacheForTests } from '@/lib/secrets/site-key-cipher'

export type TestDbKind = 'sqlite' | 'postgresql'

export function testDbKind(): TestDbKind {
  return process.env.STEPWISE_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite'
}

export const PG_ADMIN_URL = process.env.STEPWISE_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

export interface TestDb {
  kind: TestDbKind
  url: string
  dataDir: string
  /** Env to hand to child processes (workers) so they use the same database and key. */
  env: Record<string, string>
  cleanup(): Promise<void>
}

export async function freshDatabase(kind: TestDbKind = testDbKind()): Promise<TestDb> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stepwise-it-'))
  let url: string
  let dropPg: (() => Promise<void>) | null = null
  if (kind === 'postgresql') {
    const name = `stepwise_it_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const u = new URL(PG_ADMIN_URL)
    u.pathname = `/${name}`
    url = u.toString()
    dropPg = async () => {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL })
      await a.connect()
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await a.end()
    }
  } else {
    url = `file:${path.join(dataDir, 'stepwise.db')}`
  }
  const env = {
    DATABASE_URL: url,
    STEPWISE_DATA_DIR: dataDir,
    STEPWISE_LOG_LEVEL: process.env.STEPWISE_TEST_LOG ?? 'silent',
  }
  Object.assign(process.env, env)
  resetConfigForTests()
  resetSiteKeyCacheForTests()
  await disconnectDb()
  await migrate(url)
  return {
    kind,
    url,
    dataDir,
    env,
    async cleanup() {
      await disconnectDb()
      if (dropPg) await dropPg().catch(() => undefined)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export { db }
