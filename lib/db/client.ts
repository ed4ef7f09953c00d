// The one place that creates Prisma clients. Two generated clients with identical model APIs: the
// provider is fixed per generated client, so DATABASE_URL picks one at runtime (stack-notes §1c).
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs'
import path from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as SqliteClient } from '../../generated/sqlite/client'
import { PrismaClient as PgClient } from '../../generated/pg/client'
import { config } from '../config'

export type Db = SqliteClient
/** A connected driver adapter (Prisma's interface to the database driver). */
export type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>
export type DbKind = 'sqlite' | 'postgresql'

export function dbKindOf(url: string): DbKind {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite'
}

/** `file:./data/x.db` → absolute path of the file (relative to the working directory). */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, '').replace(/\?.*$/, ''))
}

function chmodIfPresent(file: string, mode: number): void {
  try {
    chmodSync(file, mode)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
}

/** The data folder holds the key file and usually the database: owner only (0700), also when an older
 *  version created it 0755. */
export function prepareDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  try {
    chmodSync(dir, 0o700)
  } catch (e) {
    // A folder someone else owns and lets us write (group access) is theirs to lock down.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e
  }
}

/** The SQLite file holds every site's (encrypted) key and the audit trail: created 0600 before SQLite
 *  opens it, and tightened if it exists. SQLite gives -wal and -shm the mode of the database file;
 *  existing ones are tightened here too. A folder created here is 0700; an existing one is left alone
 *  unless it is the data folder (prepareDataDir). */
export function prepareSqliteFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  closeSync(openSync(file, 'a', 0o600))
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) chmodIfPresent(f, 0o600)
}

export function createDb(url: string): Db {
  if (dbKindOf(url) === 'postgresql') {
    return new PgClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db
  }
  const file = sqlitePath(url)
  prepareSqliteFile(file)
  const { factory, driver } = sqliteAdapter(file)
  const client = new SqliteClient({ adapter: factory })
  sqliteDrivers.set(client, driver)
  return client
}

/**
 * The SQLite driver adapter, with a busy timeout (the web process and worker processes may write the
 * same file) and `synchronous = NORMAL` on its connection: in WAL mode (set by lib/db/migrate.ts) a
 * commit then no longer waits for the disk to flush. It still survives the process being killed
 * (kill -9, a crash); only a power cut or kernel crash can lose the last commits, and for a run that
 * is the same as a runner killed between a call and its commit, which the engine already recovers
 * from (DESIGN.md). The flush was most of the per-step bookkeeping on fast steps (bench/overhead.ts).
 */
function sqliteAdapter(file: string): { factory: PrismaBetterSqlite3; driver: () => SqlDriverAdapter | null } {
  const factory = new PrismaBetterSqlite3({ url: file, timeout: 10_000 })
  const connect = factory.connect.bind(factory)
  let connected: SqlDriverAdapter | null = null
  factory.connect = async () => {
    const adapter = await connect()
    await adapter.executeRaw({ sql: 'PRAGMA synchronous = NORMAL', args: [], argTypes: [] })
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      if (connected === adapter) connected = null
      await dispose()
    }
    connected = adapter
    return adapter
  }
  return { factory, driver: () => connected }
}

const sqliteDrivers = new WeakMap<Db, () => SqlDriverAdapter | null>()

/**
 * The driver adapter under a SQLite client: the connection Prisma itself uses, with its transaction
 * lock. Only for the hot paths where the query layer's own cost was most of the time: the engine's
 * per-step write (lib/db/driver-tx.ts) and the sites list's reads (lib/db/raw-read.ts). Null on
 * PostgreSQL.
 */
export async function sqliteDriver(client: Db = db()): Promise<SqlDriverAdapter | null> {
  const get = sqliteDrivers.get(client)
  if (!get) return null
  if (!get()) await client.$connect()
  return get()
}

const g = globalThis as unknown as { __stepwiseDb?: { url: string; db: Db } }

/** The process-wide client for the configured database (one per process, survives dev reloads). */
export function db(): Db {
  const { DATABASE_URL: url, STEPWISE_DATA_DIR } = config()
  if (!g.__stepwiseDb || g.__stepwiseDb.url !== url) {
    prepareDataDir(path.resolve(STEPWISE_DATA_DIR))
    g.__stepwiseDb = { url, db: createDb(url) }
  }
  return g.__stepwiseDb.db
}

export async function disconnectDb(): Promise<void> {
  const cur = g.__stepwiseDb
  g.__stepwiseDb = undefined
  if (cur) await cur.db.$disconnect()
}
