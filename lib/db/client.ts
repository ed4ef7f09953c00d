// The one place that creates Prisma clients. Two generated clients with identical model APIs: the
// provider is fixed per generated client, so DATABASE_URL picks one at runtime (stack-notes §1c).
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as SqliteClient } from '../../generated/sqlite/client'
import { PrismaClient as PgClient } from '../../generated/pg/client'
import { config } from '../config'

export type Db = SqliteClient
export type DbKind = 'sqlite' | 'postgresql'

export function dbKindOf(url: string): DbKind {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite'
}

/** `file:./data/x.db` → absolute path of the file (relative to the working directory). */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, '').replace(/\?.*$/, ''))
}

export function createDb(url: string): Db {
  if (dbKindOf(url) === 'postgresql') {
    return new PgClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db
  }
  const file = sqlitePath(url)
  mkdirSync(path.dirname(file), { recursive: true })
  // busy timeout: the web process and worker processes may write the same file.
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 10_000 }) })
}

const g = globalThis as unknown as { __stepwiseDb?: { url: string; db: Db } }

/** The process-wide client for the configured database (one per process, survives dev reloads). */
export function db(): Db {
  const url = config().DATABASE_URL
  if (!g.__stepwiseDb || g.__stepwiseDb.url !== url) g.__stepwiseDb = { url, db: createDb(url) }
  return g.__stepwiseDb.db
}

export async function disconnectDb(): Promise<void> {
  const cur = g.__stepwiseDb
  g.__stepwiseDb = undefined
  if (cur) await cur.db.$disconnect()
}
