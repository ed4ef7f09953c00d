// Which channels hear about an event. Pure: the scope (all sites, tags, sites), the events a channel
// wants, and the reminder rule (a lasting problem is repeated at most every reminderHours per channel).
import type { ChannelRecord } from '../db/notify-channels'

export function inScope(c: Pick<ChannelRecord, 'tags' | 'siteIds'>, site: { id: string; tags: string[] }): boolean {
  if (!c.tags.length && !c.siteIds.length) return true
  return c.siteIds.includes(site.id) || c.tags.some((t) => site.tags.includes(t))
}

export function wants(c: Pick<ChannelRecord, 'events' | 'enabled'>, kind: string): boolean {
  return c.enabled && c.events.includes(kind)
}

/** A repeat (reminder, or another failure of a still-failing site) goes to a channel only when its last
 *  alert of the same kind about the site is at least reminderHours old. */
export function reminderDue(c: Pick<ChannelRecord, 'reminderHours'>, last: Date | undefined, now: Date): boolean {
  return !last || now.getTime() - last.getTime() >= c.reminderHours * 3_600_000
}
