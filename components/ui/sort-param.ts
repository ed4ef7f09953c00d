// A table's sort kept in the URL as `sort=<column>:<asc|desc>` (e.g. `sort=started:desc`).
import type { SortState } from './data-table'

/** Reads `key:dir`; anything else (unknown column, bad direction) is no sort. */
export function parseSort(value: string | null | undefined, keys: readonly string[]): SortState | null {
  const m = /^([a-zA-Z]+):(asc|desc)$/.exec(value ?? '')
  if (!m || !keys.includes(m[1])) return null
  return { key: m[1], dir: m[2] as SortState['dir'] }
}

export function sortParam(sort: SortState | null | undefined): string | undefined {
  return sort ? `${sort.key}:${sort.dir}` : undefined
}
