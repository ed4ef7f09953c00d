// Bulk add, server side: every row checked exactly as the wizard checks one site (checkSite), then the
// good rows saved one by one through addSite (same detection, encryption, archive sync and audit).
// The page sends the rows in chunks of at most BULK_CHUNK (each request stays well under the 64 KB
// body cap); a row's own mistakes are that row's result, not a 400 for the whole chunk. Keys are never
// part of an answer, and a message that happens to contain the row's key has it masked.
import { z } from 'zod'
import { AppError } from '../api/errors'
import { findSites } from '../db/sites'
import { addressKey } from './bulk-import'
import { addSite, checkSite } from './connect-site'
import { createSiteInput, normalizeUrl } from './site-input'

/** Most rows in one bulk request. */
export const BULK_CHUNK = 20
/** Sites asked at the same time within one request. */
const PARALLEL = 4

const row = z.object({
  line: z.number().int().min(1).max(1_000_000),
  name: z.string().max(1000).optional().default(''),
  url: z.string().max(4000),
  key: z.string().max(1000),
  tags: z.array(z.string().max(1000)).max(100).optional().default([]),
})

export const bulkRowsInput = z.object({
  rows: z.array(row).min(1, 'needs at least one row').max(BULK_CHUNK, `at most ${BULK_CHUNK} rows per request`),
})

export type BulkRowsInput = z.infer<typeof bulkRowsInput>
type Row = BulkRowsInput['rows'][number]

export type BulkField = 'name' | 'url' | 'key' | 'tags'

export interface BulkCheckResult {
  line: number
  ok: boolean
  /** The name to save: the row's own, else the site's title, else its host. */
  name: string
  /** The name came from the site (its title or host), not from the file. */
  nameSuggested: boolean
  url: string
  tags: string[]
  /** A DetectCause (lib/akeeba/probe-outcome), or `invalid` (the row itself) or `duplicate`. */
  cause?: string
  field?: BulkField
  message?: string
  advice?: string
  platform?: string
  akeebaVersion?: string
  /** For `duplicate`: the site already in Stepwise at this address. */
  existingSite?: { id: string; name: string }
}

export interface BulkAddResult {
  line: number
  ok: boolean
  site?: { id: string; name: string }
  error?: { code: string; message: string; field?: string }
}

const mask = (text: string | undefined, key: string) => (text && key.length >= 4 ? text.split(key).join('[key]') : text)

/** The row as the wizard's save would take it; a failure names the field. */
function validate(r: Row, name: string) {
  const parsed = createSiteInput.safeParse({ name: name || 'placeholder', url: r.url, key: r.key, tags: r.tags })
  if (parsed.success) return { ok: true as const, input: parsed.data }
  const issue = parsed.error.issues[0]
  const field = String(issue.path[0] ?? 'url') as BulkField
  return { ok: false as const, field, message: `${field}: ${issue.message}` }
}

async function existingByAddress(): Promise<Map<string, { id: string; name: string }>> {
  const m = new Map<string, { id: string; name: string }>()
  for (const s of await findSites()) m.set(addressKey(s.baseUrl), { id: s.id, name: s.name })
  return m
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

async function checkRow(r: Row, existing: Map<string, { id: string; name: string }>): Promise<BulkCheckResult> {
  const given = r.name.trim()
  const base: BulkCheckResult = {
    line: r.line,
    ok: false,
    name: given,
    nameSuggested: false,
    url: r.url.trim(),
    tags: r.tags,
  }
  const v = validate(r, given)
  if (!v.ok) return { ...base, cause: 'invalid', field: v.field, message: mask(v.message, r.key) }
  base.tags = v.input.tags
  const dup = existing.get(addressKey(v.input.url))
  if (dup) {
    return {
      ...base,
      cause: 'duplicate',
      field: 'url',
      message: `Already in Stepwise as “${dup.name}”.`,
      existingSite: dup,
    }
  }
  try {
    const c = await checkSite(v.input.url, v.input.key)
    const named = given ? { name: given } : { name: c.suggestedName, nameSuggested: true }
    if (c.ok) {
      return { ...base, ...named, ok: true, platform: c.endpoint?.platform, akeebaVersion: c.version?.component }
    }
    return {
      ...base,
      ...named,
      cause: c.cause,
      field: c.cause === 'auth' ? 'key' : 'url',
      message: mask(c.message, r.key),
      advice: mask(c.advice, r.key),
    }
  } catch (e) {
    // checkSite throws only for an address the guard refuses (422 with the cause in details).
    if (e instanceof AppError) {
      const d = (e.extra.details ?? {}) as { cause?: string; advice?: string }
      return {
        ...base,
        name: given || normalizeUrl(v.input.url),
        cause: d.cause ?? 'unknown',
        field: (e.extra.field as BulkField | undefined) ?? 'url',
        message: mask(e.message, r.key),
        advice: mask(d.advice, r.key),
      }
    }
    throw e
  }
}

/** Checks each row like the wizard's "Check connection", nothing saved. */
export async function checkBulkRows(rows: Row[]): Promise<BulkCheckResult[]> {
  const existing = await existingByAddress()
  // Two rows of one request with the same address: the second is the duplicate.
  const seen = new Map<string, number>()
  return mapLimit(rows, PARALLEL, async (r) => {
    const k = addressKey(r.url)
    const first = seen.get(k)
    if (first === undefined) seen.set(k, r.line)
    else if (first !== r.line) {
      return {
        line: r.line,
        ok: false,
        name: r.name.trim(),
        nameSuggested: false,
        url: r.url.trim(),
        tags: r.tags,
        cause: 'duplicate',
        field: 'url' as const,
        message: `The same address as line ${first}.`,
      }
    }
    return checkRow(r, existing)
  })
}

/**
 * Saves each row through addSite, one after another (each is detected again, so a row that stopped
 * answering since the check is refused, not saved as not connected). Rows without a name get the
 * host name; the page sends the name it showed.
 */
export async function addBulkRows(rows: Row[], actor: string | null = null): Promise<BulkAddResult[]> {
  const existing = await existingByAddress()
  const out: BulkAddResult[] = []
  for (const r of rows) {
    const v = validate(r, r.name.trim())
    if (!v.ok || !r.name.trim()) {
      const message = v.ok ? 'name: is required' : mask(v.message, r.key)!
      out.push({
        line: r.line,
        ok: false,
        error: { code: 'validation_failed', message, field: v.ok ? 'name' : v.field },
      })
      continue
    }
    const k = addressKey(v.input.url)
    const dup = existing.get(k)
    if (dup) {
      out.push({
        line: r.line,
        ok: false,
        error: { code: 'conflict', message: `Already in Stepwise as “${dup.name}”.`, field: 'url' },
      })
      continue
    }
    try {
      const site = await addSite({ ...v.input, saveIfUnreachable: false }, actor)
      existing.set(k, { id: site.id, name: site.name })
      out.push({ line: r.line, ok: true, site: { id: site.id, name: site.name } })
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      out.push({
        line: r.line,
        ok: false,
        error: { code: e.code, message: mask(e.message, r.key)!, field: e.extra.field },
      })
    }
  }
  return out
}
