// Bulk add: the pasted or uploaded CSV (`name,url,key,tags`) as rows to check. Pure (the page parses
// as you paste; the server checks every row again with the same rules as the wizard).
// RFC 4180 quoting ("a, b" and "say ""hi"""), an optional header row naming the columns in any order,
// comma or tab (one of them per file), CRLF/LF/CR line ends, a BOM, blank lines and lines starting
// with # ignored. Tags inside their field are separated by `;` or `|` (or commas inside quotes).

/** Most rows one import takes (more: split the file). */
export const MAX_BULK_ROWS = 200
/** Most bytes of CSV text the page reads. */
export const MAX_CSV_BYTES = 1024 * 1024

export type BulkField = 'name' | 'url' | 'key' | 'tags'

export interface BulkRowProblem {
  field: BulkField | 'row'
  message: string
}

export interface BulkRow {
  /** 1-based line of the file where the row starts (what the person sees in their editor). */
  line: number
  name: string
  url: string
  key: string
  tags: string[]
  /** What is wrong with the row itself, before any site is asked. */
  problems: BulkRowProblem[]
}

export interface BulkParse {
  rows: BulkRow[]
  /** The first row named the columns. */
  header: boolean
  /** Problems with the file as a whole (too many rows, a header without a url column…). */
  fileProblems: string[]
}

const COLUMN_NAMES: Record<string, BulkField> = {
  name: 'name',
  'site name': 'name',
  site: 'name',
  title: 'name',
  url: 'url',
  address: 'url',
  'site url': 'url',
  'site address': 'url',
  website: 'url',
  key: 'key',
  secret: 'key',
  'secret word': 'key',
  'secret key': 'key',
  'api key': 'key',
  tags: 'tags',
  tag: 'tags',
  labels: 'tags',
  client: 'tags',
}

const DEFAULT_ORDER: BulkField[] = ['name', 'url', 'key', 'tags']

interface CsvRecord {
  line: number
  cells: string[]
}

/** Splits CSV text into records of cells, honouring quotes (a quoted field may span lines). */
export function splitCsv(
  text: string,
  delimiter: ',' | '\t',
): { records: CsvRecord[]; unclosedQuoteLine: number | null } {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let cellStarted = false
  let quoteOpenedAt = 0
  const endCell = () => {
    cells.push(cell)
    cell = ''
    cellStarted = false
  }
  const endRecord = () => {
    endCell()
    records.push({ line: recordLine, cells })
    cells = []
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++
        cell += c
      }
      continue
    }
    if (c === '"' && !cellStarted && cell.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      quoted = true
      cell = ''
      cellStarted = true
      quoteOpenedAt = line
    } else if (c === delimiter) {
      endCell()
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else {
      cell += c
      if (c !== ' ' && c !== '\t') cellStarted = true
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRecord()
  return { records, unclosedQuoteLine: quoted ? quoteOpenedAt : null }
}

/** `a; b | c` → ["a","b","c"]: trimmed, empty ones dropped, duplicates once. */
export function splitTags(field: string): string[] {
  return [
    ...new Set(
      field
        .split(/[;|,]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]
}

function headerMap(cells: string[]): (BulkField | null)[] | null {
  const mapped = cells.map((c) => COLUMN_NAMES[c.trim().toLowerCase().replace(/[_-]+/g, ' ')] ?? null)
  // A header names the url column and at least one other known one, and nothing looks like a URL.
  const known = mapped.filter(Boolean).length
  if (!mapped.includes('url') || known < 2) return null
  if (cells.some((c) => /^[a-z]+:\/\//i.test(c.trim()))) return null
  return mapped
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/

function rowProblems(r: Omit<BulkRow, 'problems'>): BulkRowProblem[] {
  const p: BulkRowProblem[] = []
  const url = r.url.trim()
  if (!url) p.push({ field: 'url', message: 'The address is missing.' })
  else if (/\s/.test(url)) p.push({ field: 'url', message: 'The address contains spaces.' })
  else {
    try {
      const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`)
      if (u.protocol !== 'http:' && u.protocol !== 'https:')
        p.push({ field: 'url', message: 'Use an http:// or https:// address.' })
      else if (u.username || u.password)
        p.push({ field: 'url', message: 'Leave the user name and password out of the address.' })
    } catch {
      p.push({ field: 'url', message: 'This is not a web address, e.g. https://www.example.com/' })
    }
  }
  if (!r.key) p.push({ field: 'key', message: 'The secret word (key) is missing.' })
  else if (r.key.length < 16) p.push({ field: 'key', message: 'The key is shorter than Akeeba’s 16 characters.' })
  else if (r.key.length > 500) p.push({ field: 'key', message: 'The key is longer than 500 characters.' })
  else if (CONTROL.test(r.key) || /[\r\n\t]/.test(r.key))
    p.push({ field: 'key', message: 'The key contains control characters or line breaks.' })
  if (r.name.length > 120) p.push({ field: 'name', message: 'The name is longer than 120 characters.' })
  if (CONTROL.test(r.name)) p.push({ field: 'name', message: 'The name contains control characters.' })
  if (r.tags.length > 20) p.push({ field: 'tags', message: 'At most 20 tags.' })
  if (r.tags.some((t) => Array.from(t).length > 40))
    p.push({ field: 'tags', message: 'A tag can have at most 40 characters.' })
  if (r.tags.some((t) => CONTROL.test(t))) p.push({ field: 'tags', message: 'A tag contains control characters.' })
  return p
}

/** The same site address however it was written: scheme and host lower-cased, no www., no index.php. */
export function addressKey(url: string): string {
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`)
    const path = u.pathname.replace(/\/(index\.php|wp-admin|administrator)(\/.*)?$/i, '/').replace(/\/+$/, '')
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.port ? `:${u.port}` : ''}${path.toLowerCase()}`
  } catch {
    return url.trim().toLowerCase()
  }
}

export function parseBulkCsv(input: string): BulkParse {
  const fileProblems: string[] = []
  const text = input.replace(/^\ufeff/, '')
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() && !l.trim().startsWith('#')) ?? ''
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
  const { records, unclosedQuoteLine } = splitCsv(text, delimiter)
  if (unclosedQuoteLine !== null)
    fileProblems.push(`A quote opened on line ${unclosedQuoteLine} is never closed: the rest of the file is one field.`)
  const data = records.filter((r) => r.cells.some((c) => c.trim()) && !r.cells[0].trim().startsWith('#'))

  let order: (BulkField | null)[] = DEFAULT_ORDER
  let header = false
  if (data.length) {
    const h = headerMap(data[0].cells)
    if (h) {
      order = h
      header = true
      data.shift()
    } else if (
      data[0].cells.length >= 2 &&
      data[0].cells.some((c) => COLUMN_NAMES[c.trim().toLowerCase()] !== undefined) &&
      !data[0].cells.some((c) => /[./]/.test(c))
    ) {
      fileProblems.push('The first row looks like a header but has no "url" column.')
      data.shift()
    }
  }
  if (data.length > MAX_BULK_ROWS) {
    fileProblems.push(`The file has ${data.length} rows; at most ${MAX_BULK_ROWS} are taken at once. Split it.`)
  }

  const seen = new Map<string, number>()
  const rows = data.slice(0, MAX_BULK_ROWS).map((rec): BulkRow => {
    const v: Record<BulkField, string> = { name: '', url: '', key: '', tags: '' }
    order.forEach((f, i) => {
      if (f && i < rec.cells.length && !v[f]) v[f] = rec.cells[i]
    })
    const base = {
      line: rec.line,
      name: v.name.trim(),
      url: v.url.trim(),
      // A key is taken as written except for the spaces around it a spreadsheet adds.
      key: v.key.trim(),
      tags: splitTags(v.tags),
    }
    const problems = rowProblems(base)
    if (!header && rec.cells.length > DEFAULT_ORDER.length && rec.cells.slice(4).some((c) => c.trim()))
      problems.push({
        field: 'row',
        message: `${rec.cells.length} columns instead of 4: put a field that contains commas in "double quotes".`,
      })
    if (base.url) {
      const k = addressKey(base.url)
      const first = seen.get(k)
      if (first !== undefined) problems.push({ field: 'url', message: `The same address as line ${first}.` })
      else seen.set(k, rec.line)
    }
    return { ...base, problems }
  })
  return { rows, header, fileProblems }
}

/** A template to start from (the page offers it as a download). */
export const CSV_TEMPLATE =
  'name,url,key,tags\n' +
  'Bakery Müller,https://www.bakery-mueller.de/,your-akeeba-secret-word,client-a;shop\n' +
  ',https://blog.example.com/,another-secret-word-here,"client-b|blog"\n'
