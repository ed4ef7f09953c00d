import { describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATE, renderDescription } from './template'

describe('renderDescription', () => {
  const v = {
    site: 'Client A',
    schedule: 'Nightly',
    firedAt: new Date('2027-03-28T01:00:00Z'),
    timezone: 'Europe/Berlin',
  }

  it('fills placeholders in the schedule time zone', () => {
    expect(renderDescription('{site} – {schedule} {date} {time} ({timezone})', v)).toBe(
      'Client A – Nightly 2027-03-28 03:00 (Europe/Berlin)',
    )
  })

  it('leaves unknown placeholders as typed and uses the default when empty', () => {
    expect(renderDescription('{site} {nope}', v)).toBe('Client A {nope}')
    expect(renderDescription(null, v)).toBe(renderDescription(DEFAULT_TEMPLATE, v))
  })
})
