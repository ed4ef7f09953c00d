// The description a scheduled backup gets on the site (Akeeba shows it in its backup list).
// Placeholders are documented in TEMPLATE_PLACEHOLDERS; unknown ones are left as typed.

export const TEMPLATE_PLACEHOLDERS: Record<string, string> = {
  '{site}': 'the site name',
  '{schedule}': 'the schedule name',
  '{date}': 'the fire date in the schedule time zone, e.g. 2027-03-28',
  '{time}': 'the fire time in the schedule time zone, e.g. 02:30',
  '{timezone}': 'the schedule time zone, e.g. Europe/Berlin',
}

export const DEFAULT_TEMPLATE = 'Scheduled backup ({schedule}) {date} {time} {timezone}'

export interface TemplateValues {
  site: string
  schedule: string
  /** The schedule's fire time (not the staggered start). */
  firedAt: Date
  timezone: string
}

function partsIn(date: Date, timeZone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  return Object.fromEntries(parts.map((p) => [p.type, p.value]))
}

export function renderDescription(template: string | null | undefined, v: TemplateValues): string {
  const p = partsIn(v.firedAt, v.timezone)
  const values: Record<string, string> = {
    site: v.site,
    schedule: v.schedule,
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    timezone: v.timezone,
  }
  const text = (template?.trim() || DEFAULT_TEMPLATE).replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)
  return text.slice(0, 255)
}
