// Response headers per persona (fixtures wp/05 #18-22, joomla/01, joomla/07 #41-44).
import type { JoomlaFormat } from './endpoints'
import type { FakeSite } from './site'

type Headers = Record<string, string>

const WP_COMMON: Headers = {
  'X-Powered-By': 'PHP/8.2.36',
  'X-Robots-Tag': 'noindex',
  'X-Content-Type-Options': 'nosniff',
  Expires: 'Wed, 11 Jan 1984 05:00:00 GMT',
  'Cache-Control': 'no-cache, must-revalidate, max-age=0, no-store, private',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
}

const JOOMLA_NOCACHE: Headers = {
  Expires: 'Wed, 17 Aug 2005 00:00:00 GMT',
  'Cache-Control': 'no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
  Pragma: 'no-cache',
}

const SESSION_ALPHABET = '0123456789abcdefghijklmnopqrstuv'

function joomlaCookie(site: FakeSite): string {
  return `65b9440f2b3716e6286ca5ab96876405=${site.rng.chars(26, SESSION_ALPHABET)}; path=/; HttpOnly`
}

export function jsonHeaders(site: FakeSite, format: JoomlaFormat): Headers {
  const type = site.traits.jsonContentType
  if (site.persona === 'wordpress') return { ...WP_COMMON, 'Content-Type': type }
  if (format === 'json') {
    return {
      'X-Powered-By': 'PHP/8.2.36',
      'Set-Cookie': joomlaCookie(site),
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
      ...JOOMLA_NOCACHE,
      'Content-Disposition': 'attachment; filename="akeeba.json"',
      'Content-Type': type,
      'Last-Modified': new Date().toUTCString(),
    }
  }
  return {
    'X-Powered-By': 'PHP/8.2.36',
    'Set-Cookie': joomlaCookie(site),
    ...JOOMLA_NOCACHE,
    'Content-Type': type,
    'Content-Disposition': 'attachment; filename="joomla.json"',
  }
}

export function htmlHeaders(site: FakeSite, contentType: string): Headers {
  if (site.persona === 'wordpress') return { ...WP_COMMON, 'Content-Type': contentType }
  return {
    'X-Powered-By': 'PHP/8.2.36',
    'Set-Cookie': joomlaCookie(site),
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'Content-Type': contentType,
    ...JOOMLA_NOCACHE,
  }
}

export function binaryHeaders(site: FakeSite, name: string, size: number): Headers {
  const base: Headers =
    site.persona === 'wordpress' ? { ...WP_COMMON } : { 'X-Powered-By': 'PHP/8.2.36', 'Set-Cookie': joomlaCookie(site) }
  delete base.Expires
  delete base['Cache-Control']
  return {
    ...base,
    'MIME-Version': '1.0',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Content-Transfer-Encoding': 'binary',
    'Accept-Ranges': 'bytes',
    'Content-Type': name.endsWith('.zip') ? 'application/zip' : 'application/octet-stream',
    'Content-Length': String(size),
    'Cache-Control': 'must-revalidate, post-check=0, pre-check=0',
    Expires: '0',
    Pragma: 'no-cache',
  }
}

/** downloadDirect errors: bare 500, empty body (Joomla writes the header as "Content-type"). */
export function bare500Headers(site: FakeSite): Headers {
  if (site.persona === 'wordpress')
    return { 'X-Powered-By': 'PHP/8.2.36', 'Content-Type': 'text/html; charset=UTF-8', ...WP_COMMON }
  return { 'X-Powered-By': 'PHP/8.2.36', 'Set-Cookie': joomlaCookie(site), 'Content-type': 'text/html; charset=UTF-8' }
}
