import { describe, expect, it } from 'vitest'
import { dayIn, digestDue } from './digest-time'

describe('digestDue', () => {
  it('fires at the time in the zone, not at the same UTC time', () => {
    // 08:00 in New York in January is 13:00 UTC.
    expect(digestDue('08:00', 'America/New_York', new Date('2026-01-15T12:59:00Z'))).toBeNull()
    expect(digestDue('08:00', 'America/New_York', new Date('2026-01-15T08:00:00Z'))).toBeNull()
    expect(digestDue('08:00', 'America/New_York', new Date('2026-01-15T13:00:00Z'))).toEqual({
      day: '2026-01-15',
      fireAt: new Date('2026-01-15T13:00:00Z'),
    })
  })

  it('follows daylight saving time', () => {
    // New York is UTC-4 in July.
    expect(digestDue('08:00', 'America/New_York', new Date('2026-07-15T12:30:00Z'))?.fireAt).toEqual(
      new Date('2026-07-15T12:00:00Z'),
    )
    // 02:30 does not exist on 8 March 2026 in New York: it goes out when the gap ends (03:00 EDT).
    expect(digestDue('02:30', 'America/New_York', new Date('2026-03-08T07:10:00Z'))?.day).toBe('2026-03-08')
  })

  it('is late by at most six hours, and off means never', () => {
    expect(digestDue('08:00', 'UTC', new Date('2026-01-15T13:59:00Z'))?.day).toBe('2026-01-15')
    expect(digestDue('08:00', 'UTC', new Date('2026-01-15T14:01:00Z'))).toBeNull()
    expect(digestDue('off', 'UTC', new Date('2026-01-15T08:00:00Z'))).toBeNull()
  })

  it('names the day in the zone', () => {
    expect(dayIn(new Date('2026-01-15T23:30:00Z'), 'Europe/Berlin')).toBe('2026-01-16')
    expect(dayIn(new Date('2026-01-15T23:30:00Z'), 'UTC')).toBe('2026-01-15')
  })
})
