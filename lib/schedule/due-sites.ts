// Which target sites of one fire are due in this pass: their stagger offset has passed.
import { staggerOffsetMs } from './stagger'
import { targetsOf } from './targets'

/** In start order (smallest offset first), so a fire interrupted midway queued the earliest sites. */
export function dueSites<T extends { id: string; tags: string[] }>(
  s: { id: string; siteId: string | null; tag: string | null; staggerMinutes: number },
  sites: T[],
  dueOffsetMs: number,
): T[] {
  const offset = (x: T) => staggerOffsetMs(s.id, x.id, s.staggerMinutes)
  return targetsOf(s, sites)
    .filter((x) => offset(x) <= dueOffsetMs)
    .sort((a, b) => offset(a) - offset(b))
}
