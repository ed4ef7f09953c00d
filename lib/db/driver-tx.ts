// A transaction of plain SQL statements on SQLite, run straight on the driver adapter under the Prisma
// client (lib/db/client.ts sqliteDriver): the same connection and the same transaction lock Prisma
// uses, without the query layer's cost per statement (about a millisecond each on a 2-core machine,
// several inside an interactive transaction). Only for the hot paths of a backup: queueing it and
// the write of every step (bench/overhead.ts measures them). Parameters are converted by the adapter
// as Prisma's own writes are (dates to ISO text, booleans to 0/1).
import { randomUUID } from 'node:crypto'
import { sqliteDriver } from './client'

export interface RawTx {
  /** Rows as objects keyed by column name. */
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>
  /** The number of rows changed. */
  execute(sql: string, params: unknown[]): Promise<number>
}

/** An id for a row written with plain SQL, in the shape of Prisma's cuid ids ([a-z0-9]). */
export const newRowId = () => randomUUID().replace(/-/g, '')

/** Argument types for `n` plain parameters (the adapter converts each by its value). */
export const untyped = (n: number) =>
  Array.from({ length: n }, () => ({ scalarType: 'unknown' as const, arity: 'scalar' as const }))

/**
 * Runs `fn` in one transaction and commits it (rolls back if `fn` throws). Undefined when the
 * database is not SQLite: the caller takes its PostgreSQL path.
 */
export async function sqliteTx<T>(fn: (tx: RawTx) => Promise<T>): Promise<{ value: T } | undefined> {
  const driver = await sqliteDriver()
  if (!driver) return undefined
  const tx = await driver.startTransaction()
  // This adapter leaves BEGIN's counterpart to its caller (Prisma's engine sends COMMIT itself);
  // `commit()` and `rollback()` then only release the connection's lock.
  const end = (sql: 'COMMIT' | 'ROLLBACK') =>
    tx.options.usePhantomQuery ? Promise.resolve(0) : tx.executeRaw({ sql, args: [], argTypes: [] })
  const raw: RawTx = {
    async query(sql, params) {
      const r = await tx.queryRaw({ sql, args: params, argTypes: untyped(params.length) })
      return r.rows.map((row) => Object.fromEntries(r.columnNames.map((c, i) => [c, row[i]])))
    },
    execute: (sql, params) => tx.executeRaw({ sql, args: params, argTypes: untyped(params.length) }),
  }
  let value: T
  try {
    value = await fn(raw)
    await end('COMMIT')
  } catch (e) {
    await end('ROLLBACK').catch(() => undefined)
    await tx.rollback()
    throw e
  }
  await tx.commit()
  return { value }
}
