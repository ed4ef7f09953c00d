// A default name for a new site: the `<title>` of its home page, else its host name. Pure functions
// only (the add-site form imports them too); fetching the page is fetch-site-title.ts.
// A title is hostile text written by whoever runs the site: entities are decoded once, tags, control,
// bidi-override and zero-width characters are dropped, whitespace collapsed and the length capped. The
// result is only ever rendered as React text (never as HTML).

/** Longest suggested name (the name field allows 120). */
export const MAX_TITLE_LENGTH = 80

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  bdquo: '„',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  deg: '°',
  times: '×',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  Eacute: 'É',
  aring: 'å',
  Aring: 'Å',
  oslash: 'ø',
  Oslash: 'Ø',
  aelig: 'æ',
  AElig: 'Æ',
}

function codePoint(n: number): string {
  // NUL, surrogates and out-of-range numbers are what a browser shows as U+FFFD; we drop them.
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return ''
  return String.fromCodePoint(n)
}

/** Decodes character references once (so "&amp;lt;" stays "&lt;", as a browser shows it). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,8}|#[0-9]{1,10}|[a-z][a-z0-9]{1,31});?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return codePoint(n)
    }
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole
  })
}

// C0/C1 controls, zero-width and joiner characters, bidi embeddings/overrides/isolates, BOM,
// lone surrogates and the replacement character.
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufffd\ufff9-\ufffb]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Plain one-line text from a hostile fragment: no tags, no control or invisible characters. */
export function cleanTitleText(raw: string): string {
  const noTags = raw.replace(/<[^>]*>?/g, ' ')
  const decoded = decodeEntities(noTags)
    // A decoded "&lt;b&gt;" is text, but a name that looks like markup helps nobody.
    .replace(/<[^>]*>/g, ' ')
  return decoded
    .replace(/[\t\n\r\f\v\u00a0\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Cuts at a word boundary when one is near, with an ellipsis; never splits a surrogate pair. */
export function capLength(s: string, max = MAX_TITLE_LENGTH): string {
  const chars = Array.from(s)
  if (chars.length <= max) return s
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s\-–—|:·,]+$/, '')}…`
}

// Titles of pages that are not the site's own: errors, WAF challenges, parked or default pages.
const NOT_A_NAME = [
  /^(error|page not found|not found|forbidden|access denied|bad gateway|service unavailable)\b/i,
  /^\d{3}\b/,
  /^(error|http error)\s*:?\s*\d{3}\b/i,
  /\b(critical error|internal server error|database error)\b/i,
  /^wordpress\s*[›>»]\s*error$/i,
  /^(just a moment|attention required|checking your browser|ddos-guard|one moment, please)\b/i,
  /^(index of|directory listing)\b/i,
  /^(welcome to nginx|apache2? .*default page|it works!?|test page for)/i,
  /^(log ?in|sign ?in)\b/i,
  /^(untitled|home|homepage|startseite|accueil|inicio|index)$/i,
]

const HOME = '(?:home|homepage|home page|startseite|accueil|inicio|welcome)'
// A hyphen separates only with spaces around it ("Smart-Home" is a name).
const SEP = '(?:\\s*[|–—·•»:]\\s*|\\s+-\\s+)'
const LEADING_HOME = new RegExp(`^${HOME}${SEP}(.+)$`, 'i')
const TRAILING_HOME = new RegExp(`^(.+?)${SEP}${HOME}$`, 'i')

/**
 * "Home - Bakery Müller" → "Bakery Müller": a "Home" segment names the page, not the site. Other
 * segments are kept ("Bakery Müller – Fresh bread daily" is the owner's own wording).
 */
function dropHomeSegment(t: string): string {
  return LEADING_HOME.exec(t)?.[1] ?? TRAILING_HOME.exec(t)?.[1] ?? t
}

/** The usable title of an HTML document, or null (no title, empty, or an error/challenge page's). */
export function extractTitle(html: string): string | null {
  // Only the document head matters; a title inside <svg> or after <body> is not the page's.
  const m = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html.slice(0, 256 * 1024))
  if (!m) return null
  const text = dropHomeSegment(cleanTitleText(m[1])).trim()
  if (!text || !/[\p{L}\p{N}]/u.test(text)) return null
  if (NOT_A_NAME.some((re) => re.test(text))) return null
  return capLength(text)
}

const isIpOrLocal = (host: string) =>
  host === 'localhost' || /^\[.*\]$/.test(host) || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)

/**
 * The host as a name: "https://www.bakery.de/shop/" → "bakery.de/shop". The port is left out
 * ("example.com", not "example.com:8443") except for an address with nothing else to tell sites
 * apart: an IP or localhost without a path.
 */
export function nameFromHost(url: string): string {
  let u: URL
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`)
  } catch {
    return ''
  }
  const host = u.hostname.replace(/^www\./i, '')
  const path = decodeURIComponentSafe(u.pathname)
    .replace(/\/(index\.php|wp-admin|administrator|wp-login\.php)(\/.*)?$/i, '')
    .replace(/\/+$/, '')
  const port = u.port && isIpOrLocal(u.hostname) && !path ? `:${u.port}` : ''
  return capLength(cleanTitleText(`${host}${port}${path}`).replace(/\s+/g, ''), 120)
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** What the add-site form pre-fills: the title when there is a usable one, else the host. */
export function suggestName(url: string, title: string | null): string {
  return title ?? nameFromHost(url)
}
