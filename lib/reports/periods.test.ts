import { describe, expect, it } from 'vitest'
import { parseIsoDate, periodInstants, presetOf, presetPeriod } from './periods'
import { reportQuery } from './report-input'

describe('report periods', () => {
  const now = new Date(2026, 0, 15, 13, 30) // 15 Jan 2026, local time
  it('presets are calendar dates in local time', () => {
    expect(presetPeriod('last-month', now)).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(presetPeriod('this-month', now)).toEqual({ from: '2026-01-01', to: '2026-01-15' })
    expect(presetPeriod('30d', now)).toEqual({ from: '2025-12-17', to: '2026-01-15' })
    expect(presetPeriod('90d', now)).toEqual({ from: '2025-10-18', to: '2026-01-15' })
    expect(presetPeriod('last-month', new Date(2026, 2, 31))).toEqual({ from: '2026-02-01', to: '2026-02-28' })
  })
  it('recognises a preset', () => {
    expect(presetOf({ from: '2025-12-01', to: '2025-12-31' }, now)).toBe('last-month')
    expect(presetOf({ from: '2025-12-02', to: '2025-12-31' }, now)).toBeNull()
  })
  it('parses only real dates', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull()
    expect(parseIsoDate('nope')).toBeNull()
    expect(parseIsoDate('2026-02-28')?.getDate()).toBe(28)
  })
  it('asks for local midnight to the midnight after the last day', () => {
    const i = periodInstants({ from: '2026-01-01', to: '2026-01-31' })!
    expect(new Date(i.from).getTime()).toBe(new Date(2026, 0, 1).getTime())
    expect(new Date(i.to).getTime()).toBe(new Date(2026, 1, 1).getTime())
    expect(periodInstants({ from: '2026-02-01', to: '2026-01-01' })).toBeNull()
  })
})

describe('report query', () => {
  it('reads plain dates as whole UTC days, to included', () => {
    const q = reportQuery.parse({ tag: ' client-a ', from: '2026-11-01', to: '2026-11-30' })
    expect(q).toEqual({ tag: 'client-a', from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') })
  })
  it('takes ISO instants as they are', () => {
    const q = reportQuery.parse({ tag: 't', from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' })
    expect(q.to.toISOString()).toBe('2026-11-30T23:00:00.000Z')
  })
  it('names the field that is wrong', () => {
    const path = (v: Record<string, string>) => reportQuery.safeParse(v).error?.issues[0].path.join('.')
    expect(path({ from: '2026-11-01', to: '2026-11-30' })).toBe('tag')
    expect(path({ tag: 't', from: 'yesterday', to: '2026-11-30' })).toBe('from')
    expect(path({ tag: 't', from: '2026-11-01', to: '2026-10-01' })).toBe('to')
    expect(path({ tag: 't', from: '2020-01-01', to: '2026-10-01' })).toBe('to')
    expect(path({ tag: 't', from: '2026-11-01', to: '1700000000' })).toBe('to')
  })
})
