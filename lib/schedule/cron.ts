// Cron expressions and time zones, through croner only (stack-notes part 2 §3): a fixed-time job in a
// DST gap runs when the gap ends; a time that happens twice (autumn) runs once, at its first occurrence.
import { Cron } from 'croner'

export type CronCheck = { ok: true } | { ok: false; field: 'cron' | 'timezone'; message: string }

function cron(expr: string, timezone: string): Cron {
  // mode '5-part' refuses seconds and years; paused: we only compute times, never schedule timers.
  return new Cron(expr.trim(), { timezone, paused: true, mode: '5-part' })
}

/** A time zone Intl knows (IANA name or UTC). */
export function isValidTimezone(tz: string): boolean {
  if (!tz || tz.trim() !== tz) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

function plainCronMessage(raw: string): string {
  const text = raw.replace(/^Cron(Pattern|Date)?:\s*/i, '').trim()
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Checks an expression and a zone; the message says what is wrong in words a person can act on. */
export function checkCron(expr: string, timezone: string): CronCheck {
  if (!isValidTimezone(timezone)) {
    return {
      ok: false,
      field: 'timezone',
      message: `Unknown time zone "${timezone}". Use an IANA name such as Europe/Berlin, America/New_York or UTC.`,
    }
  }
  const trimmed = expr.trim()
  if (!trimmed)
    return { ok: false, field: 'cron', message: 'Enter a cron expression, e.g. "0 2 * * *" for every day at 02:00.' }
  const parts = trimmed.split(/\s+/)
  if (!trimmed.startsWith('@') && parts.length !== 5) {
    const extra = parts.length === 6 ? ' A 6th field (seconds) is not supported: backups start at whole minutes.' : ''
    return {
      ok: false,
      field: 'cron',
      message: `A cron expression has exactly 5 fields (minute hour day-of-month month day-of-week); this one has ${parts.length}.${extra}`,
    }
  }
  let c: Cron
  try {
    c = cron(trimmed, timezone)
  } catch (e) {
    return { ok: false, field: 'cron', message: `Invalid cron expression: ${plainCronMessage((e as Error).message)}` }
  }
  if (!c.nextRun(new Date())) {
    return {
      ok: false,
      field: 'cron',
      message: 'This expression never matches a date (for example 31 February), so it would never run.',
    }
  }
  return { ok: true }
}

/** The next `n` fire times strictly after `from`. Assumes a checked expression. */
export function nextFires(expr: string, timezone: string, n: number, from: Date): Date[] {
  return cron(expr, timezone).nextRuns(n, from)
}

/** The first fire time strictly after `from`, or null when the expression never matches again. */
export function nextFireAfter(expr: string, timezone: string, from: Date): Date | null {
  return cron(expr, timezone).nextRun(from)
}

/** The latest fire time at or before `at`, or null. */
export function latestFireAtOrBefore(expr: string, timezone: string, at: Date): Date | null {
  const [d] = cron(expr, timezone).previousRuns(1, new Date(at.getTime() + 1))
  return d ?? null
}

/** The shortest gap between the next `sample` fires (to keep a stagger window shorter than it). */
export function minGapMs(expr: string, timezone: string, from: Date, sample = 24): number | null {
  const runs = nextFires(expr, timezone, sample, from)
  if (runs.length < 2) return null
  let min = Infinity
  for (let i = 1; i < runs.length; i++) min = Math.min(min, runs[i].getTime() - runs[i - 1].getTime())
  return min
}
