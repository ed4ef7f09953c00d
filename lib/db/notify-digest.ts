// The daily digest's reads and its claim. The claim is the digest event itself, with the day as its
// id: a second runner (or a second pass) writing the same day hits the primary key and sends nothing.
import { db } from './client'
import { isUniqueViolation } from './errors'

/** The site id digest events and deliveries carry: they are about the fleet, not one site. */
export const FLEET_SITE_ID = 'fleet'

export const digestEventId = (day: string) => `digest-${day}`

export interface FailureRow {
  runId: string
  siteId: string
  siteName: string
  status: string
  errorKind: string | null
  errorMessage: string | null
  finishedAt: Date
}

/** Failed and timed-out runs that finished in [from, to), newest first, and how many there were. */
export async function failuresBetween(
  from: Date,
  to: Date,
  max: number,
): Promise<{ rows: FailureRow[]; total: number }> {
  const where = { status: { in: ['failed', 'timed_out'] }, finishedAt: { gte: from, lt: to } }
  const [rows, total] = await Promise.all([
    db().backupRun.findMany({
      where,
      orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
      take: max,
      select: {
        id: true,
        siteId: true,
        status: true,
        errorKind: true,
        errorMessage: true,
        finishedAt: true,
        site: { select: { name: true } },
      },
    }),
    db().backupRun.count({ where }),
  ])
  return {
    rows: rows.map((r) => ({
      runId: r.id,
      siteId: r.siteId,
      siteName: r.site.name,
      status: r.status,
      errorKind: r.errorKind,
      errorMessage: r.errorMessage,
      finishedAt: r.finishedAt ?? to,
    })),
    total,
  }
}

/** Writes the day's digest event unless some runner already did; true when this call wrote it. */
export async function claimDigestDay(day: string, details: unknown, occurredAt: Date): Promise<boolean> {
  try {
    await db().notifyEvent.create({
      data: {
        id: digestEventId(day),
        kind: 'digest',
        siteId: FLEET_SITE_ID,
        details: JSON.stringify(details),
        occurredAt,
      },
      select: { id: true },
    })
    return true
  } catch (e) {
    if (isUniqueViolation(e)) return false
    throw e
  }
}

/** Whether the day's digest exists (a cheap check before gathering its facts). */
export async function digestClaimed(day: string): Promise<boolean> {
  return (await db().notifyEvent.count({ where: { id: digestEventId(day) } })) > 0
}
