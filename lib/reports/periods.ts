// Report periods as calendar dates (YYYY-MM-DD, both ends included), in the viewer's own time zone:
// the page keeps the dates in its URL and asks the API for the instants they start and end at.

export type PeriodPreset = 'last-month' | 'this-month' | '30d' | '90d'

export const PERIOD_PRESETS: { id: PeriodPreset; label: string }[] = [
  { id: 'last-month', label: 'Last month' },
  { id: 'this-month', label: 'This month' },
  { id: '30d', label: 'Last 30 days' },
  { id: '90d', label: 'Last 90 days' },
]

export interface DatePeriod {
  from: string
  to: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A local Date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** YYYY-MM-DD as local midnight; null when it is not a real date. */
export function parseIsoDate(s: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '')
  if (!m) return null
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return isoDate(d) === s ? d : null
}

export function presetPeriod(p: PeriodPreset, now: Date): DatePeriod {
  const y = now.getFullYear()
  const m = now.getMonth()
  const today = new Date(y, m, now.getDate())
  const daysBack = (n: number) => new Date(y, m, now.getDate() - n)
  switch (p) {
    case 'last-month':
      return { from: isoDate(new Date(y, m - 1, 1)), to: isoDate(new Date(y, m, 0)) }
    case 'this-month':
      return { from: isoDate(new Date(y, m, 1)), to: isoDate(today) }
    case '30d':
      return { from: isoDate(daysBack(29)), to: isoDate(today) }
    case '90d':
      return { from: isoDate(daysBack(89)), to: isoDate(today) }
  }
}

/** Which preset a period is, if any. */
export function presetOf(p: DatePeriod, now: Date): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((x) => {
      const q = presetPeriod(x.id, now)
      return q.from === p.from && q.to === p.to
    })?.id ?? null
  )
}

/** The instants the API is asked for: local midnight of `from` up to local midnight after `to`. */
export function periodInstants(p: DatePeriod): { from: string; to: string } | null {
  const f = parseIsoDate(p.from)
  const t = parseIsoDate(p.to)
  if (!f || !t || t < f) return null
  const end = new Date(t.getFullYear(), t.getMonth(), t.getDate() + 1)
  return { from: f.toISOString(), to: end.toISOString() }
}
