// The run a fire queues for one site: the schedule's profile (or the site's default), its description
// template rendered for the fire time, and the (scheduleId, siteId, scheduledFor) key that makes it unique.
import type { NewRun } from '../db/runs'
import { renderDescription } from './template'

export function scheduledRun(
  s: { id: string; name: string; profileId: number | null; descriptionTemplate: string | null; timezone: string },
  site: { id: string; name: string; hostKey: string; defaultProfileId: number },
  occurrence: Date,
): NewRun {
  return {
    siteId: site.id,
    hostKey: site.hostKey,
    profileId: s.profileId ?? site.defaultProfileId,
    description: renderDescription(s.descriptionTemplate, {
      site: site.name,
      schedule: s.name,
      firedAt: occurrence,
      timezone: s.timezone,
    }),
    trigger: 'schedule',
    requestedBy: `schedule: ${s.name}`,
    scheduleId: s.id,
    scheduledFor: occurrence,
  }
}
