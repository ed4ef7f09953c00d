import { describe, expect, it } from 'vitest'
import { scheduledRun } from './scheduled-run'

const site = { id: 'site-a', name: 'Shop', hostKey: 'host:a', defaultProfileId: 3 }
const fire = new Date('2027-03-28T01:00:00Z')

describe('scheduledRun', () => {
  it('keys the run by schedule, site and fire; renders the description in the schedule zone', () => {
    const s = {
      id: 'sched-1',
      name: 'Nightly',
      profileId: null,
      descriptionTemplate: '{site} {date} {time}',
      timezone: 'Europe/Berlin',
    }
    expect(scheduledRun(s, site, fire)).toEqual({
      siteId: 'site-a',
      hostKey: 'host:a',
      profileId: 3,
      description: 'Shop 2027-03-28 03:00',
      trigger: 'schedule',
      requestedBy: 'schedule: Nightly',
      scheduleId: 'sched-1',
      scheduledFor: fire,
    })
  })

  it("the schedule's profile wins over the site's default", () => {
    const s = { id: 'sched-1', name: 'Weekly', profileId: 7, descriptionTemplate: null, timezone: 'UTC' }
    expect(scheduledRun(s, site, fire)).toMatchObject({
      profileId: 7,
      description: 'Scheduled backup (Weekly) 2027-03-28 01:00 UTC',
    })
  })
})
