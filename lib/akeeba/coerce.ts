// zod building blocks for the loose types real servers send: numbers as strings ("5"), flags as
// "1"/"0", and the string "NULL" for a missing remote_filename (fixtures */07 listBackups).
import { z } from 'zod'

function toNumber(v: unknown): unknown {
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v)
  return v
}

function isNullish(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && v.toUpperCase() === 'NULL')
}

function toBool(v: unknown): unknown {
  if (v === 1 || v === '1' || v === 'true') return true
  if (v === 0 || v === '0' || v === 'false' || v === '') return false
  return v
}

function toText(v: unknown): unknown {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return v
}

/** A number, or a string holding one. */
export const num = z.preprocess(toNumber, z.number())
export const int = z.preprocess(toNumber, z.number().int())
/** Optional count-like number: absent → the fallback. */
export const intOr = (fallback: number) =>
  z.preprocess((v) => (isNullish(v) ? fallback : toNumber(v)), z.number().int())
/** A number or nothing: null, "", "NULL" and absence all mean null. */
export const intOrNull = z.preprocess((v) => (isNullish(v) ? null : toNumber(v)), z.number().int().nullable())
export const bool = z.preprocess(toBool, z.boolean())
export const boolOr = (fallback: boolean) =>
  z.preprocess((v) => (v === undefined || v === null ? fallback : toBool(v)), z.boolean())
/** Free text; null/absent → "". */
export const text = z.preprocess(toText, z.string())
export const textOrNull = z.preprocess((v) => (isNullish(v) ? null : toText(v)), z.string().nullable())

/** PHP sends an associative array as an object; take its values in order. */
export const stringList = z.preprocess((v) => {
  if (v === null || v === undefined) return []
  const items = Array.isArray(v) ? v : typeof v === 'object' ? Object.values(v as object) : [v]
  return items.map((x) => (typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x))))
}, z.array(z.string()))
