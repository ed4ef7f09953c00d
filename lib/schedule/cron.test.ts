import { describe, expect, it } from 'vitest'
import { checkCron, latestFireAtOrBefore, minGapMs, nextFireAfter, nextFires } from './cron'

const iso = (ds: Date[]) => ds.map((d) => d.toISOString())

describe('time zones across DST', () => {
  it('Europe/Berlin spring forward (2027-03-28): 02:30 does not exist, fires once at 03:00 CEST', () => {
    const fires = nextFires('30 2 * * *', 'Europe/Berlin', 3, new Date('2027-03-27T00:00:00Z'))
    expect(iso(fires)).toEqual(['2027-03-27T01:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-29T00:30:00.000Z'])
    const onGapDay = fires.filter((d) => d.toISOString().startsWith('2027-03-28'))
    expect(onGapDay).toHaveLength(1)
  })

  it('Europe/Berlin fall back (2027-10-31): 02:30 happens twice, fires once (the first)', () => {
    const fires = nextFires('30 2 * * *', 'Europe/Berlin', 3, new Date('2027-10-30T00:00:00Z'))
    expect(iso(fires)).toEqual(['2027-10-30T00:30:00.000Z', '2027-10-31T00:30:00.000Z', '2027-11-01T01:30:00.000Z'])
    // Between the two local midnights of the 31st (22:00Z on the 30th .. 23:00Z on the 31st): exactly one.
    const day = fires.filter((d) => d >= new Date('2027-10-30T22:00:00Z') && d < new Date('2027-10-31T23:00:00Z'))
    expect(day).toHaveLength(1)
  })

  it('America/New_York both changes: once each day', () => {
    expect(iso(nextFires('30 2 * * *', 'America/New_York', 3, new Date('2027-03-13T00:00:00Z')))).toEqual([
      '2027-03-13T07:30:00.000Z',
      '2027-03-14T07:00:00.000Z',
      '2027-03-15T06:30:00.000Z',
    ])
    expect(iso(nextFires('30 2 * * *', 'America/New_York', 3, new Date('2027-11-06T00:00:00Z')))).toEqual([
      '2027-11-06T06:30:00.000Z',
      '2027-11-07T07:30:00.000Z',
      '2027-11-08T07:30:00.000Z',
    ])
  })

  it('an hourly job keeps its UTC rhythm through the Berlin fall-back hour', () => {
    const fires = nextFires('0 * * * *', 'Europe/Berlin', 4, new Date('2027-10-30T23:30:00Z'))
    expect(iso(fires)).toEqual([
      '2027-10-31T00:00:00.000Z',
      '2027-10-31T01:00:00.000Z',
      '2027-10-31T02:00:00.000Z',
      '2027-10-31T03:00:00.000Z',
    ])
  })

  it('the same expression means different instants in different zones', () => {
    const from = new Date('2027-06-01T00:00:00Z')
    expect(nextFireAfter('0 2 * * *', 'UTC', from)?.toISOString()).toBe('2027-06-01T02:00:00.000Z')
    expect(nextFireAfter('0 2 * * *', 'Europe/Berlin', from)?.toISOString()).toBe('2027-06-02T00:00:00.000Z')
    expect(nextFireAfter('0 2 * * *', 'Asia/Kolkata', from)?.toISOString()).toBe('2027-06-01T20:30:00.000Z')
  })

  it('latestFireAtOrBefore is inclusive; nextFireAfter is strict', () => {
    const t = new Date('2027-03-27T05:00:00Z')
    expect(latestFireAtOrBefore('0 * * * *', 'UTC', t)?.toISOString()).toBe('2027-03-27T05:00:00.000Z')
    expect(nextFireAfter('0 * * * *', 'UTC', t)?.toISOString()).toBe('2027-03-27T06:00:00.000Z')
  })

  it('minGapMs: hourly is one hour, weekdays-only is one day', () => {
    expect(minGapMs('0 * * * *', 'UTC', new Date('2027-01-01T00:00:00Z'))).toBe(3_600_000)
    expect(minGapMs('0 2 * * 1-5', 'UTC', new Date('2027-01-01T00:00:00Z'))).toBe(86_400_000)
  })
})

describe('checkCron', () => {
  it('accepts five fields and croner nicknames', () => {
    expect(checkCron('0 2 * * *', 'Europe/Berlin')).toEqual({ ok: true })
    expect(checkCron('*/15 8-18 * * MON-FRI', 'UTC')).toEqual({ ok: true })
    expect(checkCron('@daily', 'UTC')).toEqual({ ok: true })
  })

  it('rejects six fields (seconds) naming the cron field', () => {
    const r = checkCron('0 0 2 * * *', 'UTC')
    expect(r).toMatchObject({ ok: false, field: 'cron' })
    if (!r.ok) expect(r.message).toMatch(/exactly 5 fields.*has 6.*seconds/)
  })

  it("rejects bad values with croner's words, without its class-name prefix", () => {
    const r = checkCron('61 * * * *', 'UTC')
    expect(r).toMatchObject({ ok: false, field: 'cron' })
    if (!r.ok) {
      expect(r.message).toContain('minute')
      expect(r.message).not.toContain('CronPattern:')
    }
    expect(checkCron('foo bar baz qux quux', 'UTC')).toMatchObject({ ok: false, field: 'cron' })
    expect(checkCron('', 'UTC')).toMatchObject({ ok: false, field: 'cron' })
  })

  it('rejects an expression that never matches', () => {
    expect(checkCron('0 0 31 2 *', 'UTC')).toMatchObject({
      ok: false,
      field: 'cron',
      message: expect.stringMatching(/never/),
    })
  })

  it('rejects unknown time zones naming the timezone field', () => {
    expect(checkCron('0 2 * * *', 'Mars/Base')).toMatchObject({
      ok: false,
      field: 'timezone',
      message: expect.stringMatching(/Mars\/Base/),
    })
    expect(checkCron('0 2 * * *', '')).toMatchObject({ ok: false, field: 'timezone' })
  })
})
