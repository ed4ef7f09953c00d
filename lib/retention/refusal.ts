// "The site refuses deletes": set when a site answers a retention delete with a refusal (Joomla 9.3.3,
// DESIGN.md fact 11). Retention leaves such a site alone until the retry time, or until someone
// re-checks the site (a newer connection check may mean a changed site).
import type { RetentionRefusal } from '../domain/retention'
import type { RetentionSite } from '../db/retention-sites'

/** How long a refusing site is left alone before retention asks it again. */
export const REFUSAL_RETRY_MS = 7 * 86_400_000

export function refusalActive(s: Pick<RetentionSite, 'refusedAt' | 'retryAt' | 'lastCheckedAt'>, now: Date): boolean {
  if (!s.refusedAt) return false
  if (s.lastCheckedAt && s.lastCheckedAt > s.refusedAt) return false
  return !s.retryAt || s.retryAt > now
}

export function refusalDto(
  s: Pick<RetentionSite, 'refusedAt' | 'refusal' | 'retryAt' | 'lastCheckedAt'>,
  now: Date,
): RetentionRefusal | null {
  if (!s.refusedAt || !refusalActive(s, now)) return null
  return {
    at: s.refusedAt.toISOString(),
    message: s.refusal ?? '',
    retryAfter: (s.retryAt ?? new Date(s.refusedAt.getTime() + REFUSAL_RETRY_MS)).toISOString(),
  }
}

export function refusalMessage(s: Pick<RetentionSite, 'refusedAt' | 'refusal'>): string {
  return `the site refuses deletes (since ${s.refusedAt?.toISOString() ?? '?'}): ${s.refusal ?? ''}`.trim()
}
