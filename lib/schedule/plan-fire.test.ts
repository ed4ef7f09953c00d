import { describe, expect, it } from 'vitest'
import { planFire, ON_TIME_GRACE_MS } from './plan-fire'

const D = (s: string) => new Date(s)
const DAY = 24 * 60 * 60_000
const daily = { cron: '30 2 * * *', timezone: 'Europe/Berlin', staggerMinutes: 0 }

describe('planFire', () => {
  it('waits until the fire time', () => {
    expect(planFire({ ...daily, nextFireAt: D('2027-06-02T00:30:00Z') }, D('2027-06-02T00:29:59Z'), DAY)).toEqual({
      kind: 'wait',
    })
  })

  it('fires on time: complete at once without a stagger window, next is tomorrow', () => {
    const p = planFire({ ...daily, nextFireAt: D('2027-06-02T00:30:00Z') }, D('2027-06-02T00:30:00.300Z'), DAY)
    expect(p).toMatchObject({
      kind: 'fire',
      occurrence: D('2027-06-02T00:30:00Z'),
      missed: null,
      catchUp: false,
      complete: true,
      next: D('2027-06-03T00:30:00Z'),
    })
  })

  it('spring-forward day: the 02:30 job fires once (03:00 CEST) and then next day at 02:30', () => {
    const p = planFire({ ...daily, nextFireAt: D('2027-03-28T01:00:00Z') }, D('2027-03-28T01:00:01Z'), DAY)
    expect(p).toMatchObject({
      kind: 'fire',
      occurrence: D('2027-03-28T01:00:00Z'),
      complete: true,
      next: D('2027-03-29T00:30:00Z'),
    })
  })

  it('fall-back day: fires once at the first 02:30, the second 02:30 is not another fire', () => {
    const p = planFire({ ...daily, nextFireAt: D('2027-10-31T00:30:00Z') }, D('2027-10-31T00:30:01Z'), DAY)
    expect(p).toMatchObject({ kind: 'fire', complete: true, next: D('2027-11-01T01:30:00Z') })
    // An hour later (the repeated 02:30 CET) nothing is due: the schedule waits for 1 November.
    expect(planFire({ ...daily, nextFireAt: D('2027-11-01T01:30:00Z') }, D('2027-10-31T01:30:01Z'), DAY)).toEqual({
      kind: 'wait',
    })
  })

  it('stagger: only sites whose offset passed are due; complete after the window', () => {
    const s = { cron: '0 2 * * *', timezone: 'UTC', staggerMinutes: 30, nextFireAt: D('2027-06-02T02:00:00Z') }
    const early = planFire(s, D('2027-06-02T02:10:00Z'), DAY)
    expect(early).toMatchObject({ kind: 'fire', dueOffsetMs: 10 * 60_000, complete: false, catchUp: false, next: null })
    const done = planFire(s, D('2027-06-02T02:30:00Z'), DAY)
    expect(done).toMatchObject({ kind: 'fire', complete: true, next: D('2027-06-03T02:00:00Z') })
  })

  it('a little loop lag is not a catch-up', () => {
    const p = planFire(
      { ...daily, nextFireAt: D('2027-06-02T00:30:00Z') },
      new Date(D('2027-06-02T00:30:00Z').getTime() + ON_TIME_GRACE_MS - 1),
      DAY,
    )
    expect(p).toMatchObject({ kind: 'fire', catchUp: false })
  })

  it('after downtime over many fires: one catch-up of the latest, the older ones recorded as missed (no storm)', () => {
    const hourly = { cron: '0 * * * *', timezone: 'UTC', staggerMinutes: 0, nextFireAt: D('2027-06-02T01:00:00Z') }
    const p = planFire(hourly, D('2027-06-02T09:20:00Z'), DAY)
    expect(p).toMatchObject({
      kind: 'fire',
      occurrence: D('2027-06-02T09:00:00Z'),
      catchUp: true,
      complete: true,
      missed: { first: D('2027-06-02T01:00:00Z'), last: D('2027-06-02T08:00:00Z') },
      next: D('2027-06-02T10:00:00Z'),
    })
  })

  it('a daily fire missed by 10 h is caught up once within a 24 h window', () => {
    const p = planFire({ ...daily, nextFireAt: D('2027-06-02T00:30:00Z') }, D('2027-06-02T10:30:00Z'), DAY)
    expect(p).toMatchObject({
      kind: 'fire',
      occurrence: D('2027-06-02T00:30:00Z'),
      catchUp: true,
      missed: null,
      next: D('2027-06-03T00:30:00Z'),
    })
  })

  it('outside the catch-up window: nothing runs, the miss is recorded, next fire is in the future', () => {
    const p = planFire({ ...daily, nextFireAt: D('2027-06-02T00:30:00Z') }, D('2027-06-02T10:30:00Z'), 60 * 60_000)
    expect(p).toEqual({
      kind: 'skip',
      missed: { first: D('2027-06-02T00:30:00Z'), last: D('2027-06-02T00:30:00Z') },
      next: D('2027-06-03T00:30:00Z'),
    })
  })

  it('down for days with a daily job: older days missed, the latest one beyond a 1 h window is skipped too', () => {
    const s = { ...daily, nextFireAt: D('2027-06-02T00:30:00Z') }
    const p = planFire(s, D('2027-06-05T12:00:00Z'), 60 * 60_000)
    expect(p).toEqual({
      kind: 'skip',
      missed: { first: D('2027-06-02T00:30:00Z'), last: D('2027-06-05T00:30:00Z') },
      next: D('2027-06-06T00:30:00Z'),
    })
    const caught = planFire(s, D('2027-06-05T12:00:00Z'), DAY)
    expect(caught).toMatchObject({
      kind: 'fire',
      occurrence: D('2027-06-05T00:30:00Z'),
      catchUp: true,
      missed: { first: D('2027-06-02T00:30:00Z'), last: D('2027-06-04T00:30:00Z') },
    })
  })

  it('a window of 0 minutes disables catch-up but keeps on-time fires', () => {
    const s = { ...daily, nextFireAt: D('2027-06-02T00:30:00Z') }
    expect(planFire(s, D('2027-06-02T00:30:30Z'), 0)).toMatchObject({ kind: 'fire', catchUp: false })
    expect(planFire(s, D('2027-06-02T01:30:00Z'), 0)).toMatchObject({ kind: 'skip' })
  })
})
