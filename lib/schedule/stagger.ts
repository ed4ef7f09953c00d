// Spreads one fire of a schedule over its stagger window, so forty sites on one shared server do not
// all start in the same second. Deterministic per (schedule, site): the same site always gets the same
// slot, whoever computes it (web page, any runner process).
import { createHash } from 'node:crypto'

/** Offset in ms within [0, staggerMinutes), rounded down to whole seconds. */
export function staggerOffsetMs(scheduleId: string, siteId: string, staggerMinutes: number): number {
  if (staggerMinutes <= 0) return 0
  const h = createHash('sha256').update(`${scheduleId}:${siteId}`).digest()
  const fraction = h.readUInt32BE(0) / 2 ** 32
  const windowMs = staggerMinutes * 60_000
  return Math.floor((fraction * windowMs) / 1000) * 1000
}
