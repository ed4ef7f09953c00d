// Client-side checks for the site forms (the server checks again with zod): cheap, so they run as
// you type after the first submit, and the message sits under the field.
import { nameFromHost } from '@/lib/sites/site-title'

export function urlError(v: string): string | null {
  const t = v.trim()
  if (!t) return 'Paste the site address, e.g. https://www.example.com/'
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'Use an http:// or https:// address.'
    if (!u.hostname.includes('.') && u.hostname !== 'localhost' && !/^\[/.test(u.hostname))
      return 'This does not look like a web address (no domain), e.g. https://www.example.com/'
    return null
  } catch {
    return 'This is not a web address. Paste it from the browser, e.g. https://www.example.com/'
  }
}

export function keyError(v: string): string | null {
  if (!v) return 'Paste the secret word from Akeeba Backup → Options → Front-end.'
  if (v.trim() !== v) return 'The key starts or ends with a space; copy it again without it.'
  // Akeeba requires strong keys; the server refuses shorter ones too (lib/sites/site-input.ts).
  if (v.length < 16) return 'Akeeba’s secret word has at least 16 characters: copy the whole of it.'
  return null
}

export function nameError(v: string): string | null {
  if (!v.trim()) return 'Give the site a name people recognise.'
  if (v.trim().length > 120) return 'Keep the name under 120 characters.'
  return null
}

export function parseTags(v: string): string[] {
  return [
    ...new Set(
      v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]
}

export function tagsError(v: string): string | null {
  const tags = parseTags(v)
  if (tags.length > 20) return 'At most 20 tags.'
  if (tags.some((t) => t.length > 40)) return 'A tag can have at most 40 characters.'
  return null
}

/** Max backup age, typed in days (decimals allowed: 0.5 = 12 hours); stored in hours. */
export function maxAgeHours(days: string): number | null {
  const n = Number(days.trim().replace(',', '.'))
  if (!days.trim() || !Number.isFinite(n)) return null
  const h = Math.round(n * 24)
  return h >= 1 && h <= 24 * 365 ? h : null
}

export function maxAgeError(days: string): string | null {
  return maxAgeHours(days) === null ? 'Enter a number of days between 0.05 (about an hour) and 365.' : null
}

export function daysFromHours(h: number): string {
  return String(Math.round((h / 24) * 100) / 100)
}

/** A name from the address when the server suggested none: "https://www.bakery-mueller.de/shop" →
 *  "bakery-mueller.de/shop" (no port unless the host is an IP with nothing else; lib/sites/site-title). */
export function nameFromUrl(v: string): string {
  return nameFromHost(v)
}
