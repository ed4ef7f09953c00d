// Fleet-wide counts for GET /api/metrics, read at scrape time: grouped counts only (no row loading),
// so a scrape costs the same few queries with 100 or 100,000 runs.
import { db } from './client'

export interface RunCount {
  status: string
  trigger: string
  count: number
}

export interface LeaseCount {
  leaseOwner: string
  count: number
}

export interface RunnerBeat {
  id: string
  kind: string
  host: string
  pid: number
  lastSeenAt: Date
  /** The process figures it reported (JSON, lib/engine/process-stats.ts), if any. */
  stats: string | null
}

export interface FleetCounts {
  runs: RunCount[]
  /** Running runs whose next step is due and that no runner holds (waiting for a claim). */
  dueUnclaimed: number
  /** The oldest queued run's creation time, if any is queued. */
  oldestQueuedAt: Date | null
  leases: LeaseCount[]
  runners: RunnerBeat[]
  deliveries: { status: string; count: number }[]
}

export async function fleetCounts(now = new Date()): Promise<FleetCounts> {
  const d = db()
  const [runs, dueUnclaimed, oldestQueued, leases, runners, deliveries] = await Promise.all([
    d.backupRun.groupBy({ by: ['status', 'trigger'], _count: { _all: true } }),
    d.backupRun.count({
      where: { status: 'running', nextTickAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    }),
    d.backupRun.findFirst({ where: { status: 'queued' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    d.backupRun.groupBy({
      by: ['leaseOwner'],
      where: { status: 'running', leaseOwner: { not: null }, leaseUntil: { gt: now } },
      _count: { _all: true },
    }),
    d.runnerHeartbeat.findMany({
      select: { id: true, kind: true, host: true, pid: true, lastSeenAt: true, stats: true },
    }),
    d.notifyDelivery.groupBy({ by: ['status'], _count: { _all: true } }),
  ])
  return {
    runs: runs.map((r) => ({ status: r.status, trigger: r.trigger, count: r._count._all })),
    dueUnclaimed,
    oldestQueuedAt: oldestQueued?.createdAt ?? null,
    leases: leases.map((l) => ({ leaseOwner: l.leaseOwner ?? '', count: l._count._all })),
    runners,
    deliveries: deliveries.map((r) => ({ status: r.status, count: r._count._all })),
  }
}
