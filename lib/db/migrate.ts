// Applies prisma/migrations/<provider>/NNNN_name/migration.sql in name order, each once, and books
// them in `_prisma_migrations` the way Prisma does, so `prisma migrate deploy` on a connected machine
// agrees. Prisma 7's own migrate needs a schema-engine binary we cannot download (stack-notes §1).
import { createHash, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { dbKindOf, prepareSqliteFile, sqlitePath, type DbKind } from './client'

export interface Migration {
  name: string
  sql: string
  checksum: string
}

export function migrationsDir(kind: DbKind, root = process.cwd()): string {
  return path.join(root, 'prisma', 'migrations', kind)
}

export function loadMigrations(kind: DbKind, root?: string): Migration[] {
  const dir = migrationsDir(kind, root)
  if (!existsSync(dir)) throw new Error(`migrations folder missing: ${dir}`)
  return readdirSync(dir)
    .filter((d) => /^\d{4}_/.test(d) && existsSync(path.join(dir, d, 'migration.sql')))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

export interface MigrateResult {
  kind: DbKind
  applied: string[]
  latest: string | null
}

const BOOK_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`
const BOOK_PG = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`

function checkDrift(m: Migration, bookedChecksum: string | undefined): void {
  if (bookedChecksum && bookedChecksum !== m.checksum) {
    throw new Error(`migration ${m.name} was edited after it was applied; add a new migration instead`)
  }
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqlitePath(url)
  // Private from the first byte: the folder 0700, the file 0600 (lib/db/client.ts).
  prepareSqliteFile(file)
  const conn = new Database(file, { timeout: 10_000 })
  try {
    conn.pragma('journal_mode = WAL')
    conn.exec(BOOK_SQLITE)
    const applied: string[] = []
    // BEGIN IMMEDIATE takes the write lock first, so two processes starting at once apply each once.
    const run = conn.transaction(() => {
      const rows = conn
        .prepare(
          'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
        .all() as { migration_name: string; checksum: string }[]
      const booked = new Map(rows.map((r) => [r.migration_name, r.checksum]))
      for (const m of migrations) {
        checkDrift(m, booked.get(m.name))
        if (booked.has(m.name)) continue
        conn.exec(m.sql)
        conn
          .prepare(
            `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
          )
          .run(randomUUID(), m.checksum, m.name)
        applied.push(m.name)
      }
    })
    run.immediate()
    return applied
  } finally {
    conn.close()
  }
}

async function migratePg(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    // One migrator at a time across every process sharing this database.
    await client.query('SELECT pg_advisory_lock(727274001)')
    await client.query(BOOK_PG)
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    const booked = new Map(rows.map((r) => [r.migration_name, r.checksum]))
    const applied: string[] = []
    for (const m of migrations) {
      checkDrift(m, booked.get(m.name))
      if (booked.has(m.name)) continue
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        )
        await client.query('COMMIT')
      } catch (e) {
        await client.query('ROLLBACK')
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`)
      }
      applied.push(m.name)
    }
    await client.query('SELECT pg_advisory_unlock(727274001)')
    return applied
  } finally {
    await client.end()
  }
}

export async function migrate(url: string, root?: string): Promise<MigrateResult> {
  const kind = dbKindOf(url)
  const migrations = loadMigrations(kind, root)
  const applied = kind === 'postgresql' ? await migratePg(url, migrations) : migrateSqlite(url, migrations)
  return { kind, applied, latest: migrations.at(-1)?.name ?? null }
}
