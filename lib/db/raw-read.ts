// Plain-SQL reads for list paths where building rows through Prisma's query layer was most of the time
// (the sites list with 500 sites: bench/scale.ts). The same SQL runs on SQLite and PostgreSQL; the
// values each driver returns differently (dates as ISO text or Date, booleans as 0/1 or true) are
// normalised here, so callers get the shapes Prisma's own reads give.
import { config } from '../config'
import { db, dbKindOf, sqliteDriver } from './client'
import { untyped } from './driver-tx'

/** Which sites a list read covers: every site (no id list to send), or these. */
export type SiteScope = 'all' | readonly string[]

/** Placeholders in the database's own style, numbered in the order values are added. */
export function sqlParams(): {
  params: unknown[]
  mark: (v: unknown) => string
  list: (vs: readonly unknown[]) => string
} {
  const pg = dbKindOf(config().DATABASE_URL) === 'postgresql'
  const params: unknown[] = []
  const mark = (v: unknown) => {
    params.push(v)
    return pg ? `$${params.length}` : '?'
  }
  return { params, mark, list: (vs) => vs.map(mark).join(', ') }
}

/** `AND <column> IN (…)` for a scope of ids, nothing for every site. */
export function scopeFilter(column: string, scope: SiteScope, mark: (v: unknown) => string): string {
  if (scope === 'all') return ''
  return scope.length === 0 ? ' AND 1 = 0' : ` AND ${column} IN (${scope.map(mark).join(', ')})`
}

/**
 * Rows as objects keyed by column name. On SQLite straight on the driver adapter under the Prisma
 * client (the same connection; lib/db/driver-tx.ts), skipping the query layer's result processing.
 */
export async function rawRows<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
  const driver = await sqliteDriver()
  if (!driver) return db().$queryRawUnsafe<T[]>(sql, ...params)
  const r = await driver.queryRaw({ sql, args: params, argTypes: untyped(params.length) })
  const cols = r.columnNames
  return r.rows.map((row) => {
    const o: Record<string, unknown> = {}
    for (let i = 0; i < cols.length; i++) o[cols[i]] = row[i]
    return o as T
  })
}

export const asDate = (v: unknown): Date | null =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string | number)

export const asBool = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === '1'

export const asInt = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number))

export const asIntOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : asInt(v))
