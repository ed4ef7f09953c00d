// The fleet-wide daily digest: at STEPWISE_DIGEST_TIME in STEPWISE_DIGEST_TIMEZONE, one e-mail that
// lists the last 24 hours' failures, the sites without a recent backup and the fleet's freshness. The
// facts are fixed in the digest event, claimed once per day across runners (lib/db/notify-digest.ts),
// and go through the same fan-out and delivery (retries, leases) as every alert.
import { publicBaseUrl } from '../auth/public-url'
import { config } from '../config'
import { listChannelRows } from '../db/notify-channels'
import { claimDigestDay, digestClaimed, failuresBetween } from '../db/notify-digest'
import { listSites } from '../sites/list-sites'
import { digestDue } from './digest-time'
import { runPageUrl, sitePageUrl } from './payload'
import type { DigestFacts } from './types'

const DAY_MS = 24 * 3_600_000
const MAX_LISTED = 50

/** E-mail channels that want the digest (the digest covers every site, so only unscoped ones). */
export function digestChannel(c: { type: string; events: string[]; tags: string[]; siteIds: string[] }): boolean {
  return c.type === 'email' && c.events.includes('digest') && !c.tags.length && !c.siteIds.length
}

export async function digestFacts(day: string, timezone: string, now: Date): Promise<DigestFacts> {
  const base = publicBaseUrl()
  const from = new Date(now.getTime() - DAY_MS)
  const [sites, failures] = await Promise.all([listSites(), failuresBetween(from, now, MAX_LISTED)])
  const ageOf = (s: (typeof sites)[number]) => now.getTime() - new Date(s.lastSuccessAt ?? s.createdAt).getTime()
  const stale = sites.filter((s) => ageOf(s) > s.maxBackupAgeHours * 3_600_000).sort((a, b) => ageOf(b) - ageOf(a))
  const fresh = sites.filter(
    (s) => s.lastSuccessAt && now.getTime() - new Date(s.lastSuccessAt).getTime() <= s.maxBackupAgeHours * 3_600_000,
  ).length
  return {
    day,
    timezone,
    from: from.toISOString(),
    to: now.toISOString(),
    failures: failures.rows.map((f) => ({
      siteId: f.siteId,
      siteName: f.siteName,
      runId: f.runId,
      status: f.status,
      errorKind: f.errorKind,
      errorMessage: f.errorMessage?.slice(0, 500) ?? null,
      finishedAt: f.finishedAt.toISOString(),
      url: runPageUrl(base, f.runId),
    })),
    failuresTotal: failures.total,
    stale: stale.slice(0, MAX_LISTED).map((s) => ({
      siteId: s.id,
      siteName: s.name,
      lastSuccessAt: s.lastSuccessAt ? new Date(s.lastSuccessAt).toISOString() : null,
      maxAgeHours: s.maxBackupAgeHours,
      url: sitePageUrl(base, s.id),
    })),
    staleTotal: stale.length,
    fresh,
    sites: sites.length,
    dashboardUrl: `${base}/`,
  }
}

/** Writes today's digest event when it is due and no runner wrote it yet. True when this call did. */
export async function runDigest(now = new Date()): Promise<boolean> {
  const c = config()
  const due = digestDue(c.STEPWISE_DIGEST_TIME, c.STEPWISE_DIGEST_TIMEZONE, now)
  if (!due || (await digestClaimed(due.day))) return false
  // Nobody to tell: no event, so a channel added later in the window still gets today's digest.
  if (!(await listChannelRows({ enabledOnly: true })).some(digestChannel)) return false
  const facts = await digestFacts(due.day, c.STEPWISE_DIGEST_TIMEZONE, now)
  return claimDigestDay(due.day, { siteName: 'All sites', digest: facts }, now)
}
