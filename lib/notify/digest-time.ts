// When the daily digest is due: the latest STEPWISE_DIGEST_TIME in its zone at or before now, through
// croner (lib/schedule/cron.ts), so daylight saving time is followed — a time in a spring gap goes out
// when the gap ends, a time that happens twice in autumn goes out once. Pure.
import { latestFireAtOrBefore } from '../schedule/cron'

/** A runner that was down at the digest time still sends it when it comes back within this window. */
export const DIGEST_LATE_MS = 6 * 3_600_000

export interface DigestDue {
  /** The day in the zone, YYYY-MM-DD: the digest's unique key. */
  day: string
  fireAt: Date
}

/** The calendar day of an instant in a zone, YYYY-MM-DD. */
export function dayIn(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00'
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** `time`: HH:MM or off (lib/config.ts). Null when no digest is due at `now`. */
export function digestDue(time: string, timezone: string, now: Date): DigestDue | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time)
  if (!m) return null
  const fireAt = latestFireAtOrBefore(`${Number(m[2])} ${Number(m[1])} * * *`, timezone, now)
  if (!fireAt || now.getTime() - fireAt.getTime() > DIGEST_LATE_MS) return null
  return { day: dayIn(fireAt, timezone), fireAt }
}
