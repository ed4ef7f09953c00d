import { describe, expect, it } from 'vitest'
import { siteNextStart } from './site-next-start'
import { staggerOffsetMs } from './stagger'

const s = {
  id: 'sched-1',
  cron: '0 2 * * *',
  timezone: 'UTC',
  staggerMinutes: 30,
  nextFireAt: new Date('2027-06-01T02:00:00Z'),
}
const offset = staggerOffsetMs(s.id, 'site-a', 30)

describe('siteNextStart', () => {
  it('before the fire: the pending fire plus the site offset', () => {
    expect(siteNextStart(s, 'site-a', new Date('2027-06-01T01:00:00Z'))).toEqual(
      new Date(s.nextFireAt.getTime() + offset),
    )
  })

  it('once the site started in this fire (the fire still in progress for others): the next fire plus the offset', () => {
    const now = new Date(s.nextFireAt.getTime() + offset + 1000)
    expect(siteNextStart(s, 'site-a', now)).toEqual(new Date(new Date('2027-06-02T02:00:00Z').getTime() + offset))
  })

  it('no stagger window: exactly the fire time', () => {
    expect(siteNextStart({ ...s, staggerMinutes: 0 }, 'site-a', new Date('2027-06-01T01:00:00Z'))).toEqual(s.nextFireAt)
  })
})
