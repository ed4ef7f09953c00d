// When a site's next backup from one schedule starts: the schedule's fire plus the site's stagger offset.
import { nextFireAfter } from './cron'
import { staggerOffsetMs } from './stagger'

export interface PendingFire {
  id: string
  cron: string
  timezone: string
  staggerMinutes: number
  nextFireAt: Date
}

/** The first fire at or after the pending one whose staggered start for this site is still ahead. */
export function siteNextStart(s: PendingFire, siteId: string, now: Date): Date | null {
  const offset = staggerOffsetMs(s.id, siteId, s.staggerMinutes)
  let fire: Date | null = s.nextFireAt
  // A pending fire whose start for this site already passed is handled (or being handled) now.
  if (fire && fire.getTime() + offset <= now.getTime())
    fire = nextFireAfter(s.cron, s.timezone, new Date(now.getTime() - offset))
  return fire ? new Date(fire.getTime() + offset) : null
}
