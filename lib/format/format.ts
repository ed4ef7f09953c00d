/** Display formatting shared by server and client. Pure functions, no locale surprises. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/** 1536 → "1.5 KB", 734003200 → "700 MB". Binary multiples, labelled the way people read them. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  if (unit === 0) return `${Math.round(value)} B`
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
  return `${trimZeros(value.toFixed(digits))} ${UNITS[unit]}`
}

/** 192000 → "3 m 12 s", 3723000 → "1 h 2 m", 400 → "< 1 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return '< 1 s'
  const total = Math.round(ms / 1000)
  const d = Math.floor(total / 86400)
  const h = Math.floor((total % 86400) / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`
  if (h > 0) return m > 0 ? `${h} h ${m} m` : `${h} h`
  if (m > 0) return s > 0 ? `${m} m ${s} s` : `${m} m`
  return `${s} s`
}

/** 47.4 → "47%". Clamped to 0–100; null → "—". */
export function formatPercent(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—'
  return `${Math.round(clampPercent(value))}%`
}

export function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value))
}

/**
 * "just now", "12 min ago", "3 h ago", "in 5 min", "2 d ago"; beyond 30 days the date.
 * `now` is passed in so the caller decides when it runs (see time.tsx for hydration).
 */
export function formatRelative(date: Date | string | number, now: number): string {
  const t = toDate(date).getTime()
  if (Number.isNaN(t)) return '—'
  const diff = now - t
  const abs = Math.abs(diff)
  const sec = Math.round(abs / 1000)
  let text: string
  // The shared clock may lag by a tick, so a few seconds either way both read "just now".
  if (sec < 45) return 'just now'
  if (sec < 3600) text = `${Math.max(1, Math.round(sec / 60))} min`
  else if (sec < 86400) text = `${Math.round(sec / 3600)} h`
  else if (sec < 30 * 86400) text = `${Math.round(sec / 86400)} d`
  else return formatDate(date)
  return diff >= 0 ? `${text} ago` : `in ${text}`
}

/** A fixed, locale-independent rendering ("2026-11-28 14:03 UTC") that is identical on server and client. */
export function formatUtc(date: Date | string | number): string {
  const d = toDate(date)
  if (Number.isNaN(d.getTime())) return '—'
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** The exact local time for tooltips, e.g. "28 Nov 2026, 14:03:12". Client-side only (locale, timezone). */
export function formatExact(date: Date | string | number): string {
  const d = toDate(date)
  if (Number.isNaN(d.getTime())) return '—'
  return d.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}

function formatDate(date: Date | string | number): string {
  return toDate(date).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

function toDate(date: Date | string | number): Date {
  return date instanceof Date ? date : new Date(date)
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}
