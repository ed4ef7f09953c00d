// Fleet-wide series, rebuilt from the database on every scrape: several runners (the web process and
// `npm run worker` processes) share one database, and any web process may be the one scraped, so
// these must not be counters of this process. A fresh registry per scrape drops label sets that
// are gone (a runner that stopped).
import { Gauge, Registry } from 'prom-client'
import { fleetCounts } from '../db/metrics'
import { parseProcessStats } from '../engine/process-stats'
import { listSites } from '../sites/list-sites'

const HOUR_MS = 3_600_000

/** A lease token is `<runner id>:<ms>:<random>` and a runner id `<host>:<pid>:<random>` (lib/db/run-claims.ts). */
export function runnerOfLease(token: string): string {
  return token.split(':').slice(0, 2).join(':')
}

function gauge<L extends string>(registry: Registry, name: string, help: string, labelNames: L[]): Gauge<L> {
  return new Gauge({ name, help, labelNames, registers: [registry] })
}

export async function fleetRegistry(now = new Date()): Promise<Registry> {
  const [c, sites] = await Promise.all([fleetCounts(now), listSites()])
  const r = new Registry()

  const runs = gauge(r, 'stepwise_runs', 'Backup runs in the database, by status and trigger.', ['status', 'trigger'])
  for (const x of c.runs) runs.set({ status: x.status, trigger: x.trigger }, x.count)

  const queued = c.runs.filter((x) => x.status === 'queued').reduce((n, x) => n + x.count, 0)
  const queue = gauge(
    r,
    'stepwise_queue_depth',
    'Runs waiting: queued for a slot, or running with a step due and unclaimed.',
    ['state'],
  )
  queue.set({ state: 'queued' }, queued)
  queue.set({ state: 'due' }, c.dueUnclaimed)
  gauge(r, 'stepwise_queue_oldest_seconds', 'Age of the oldest queued run (0 when none is queued).', []).set(
    c.oldestQueuedAt ? Math.max(0, now.getTime() - c.oldestQueuedAt.getTime()) / 1000 : 0,
  )

  const active = gauge(
    r,
    'stepwise_runner_active_runs',
    'Running runs whose lease a runner holds now, per runner (host:pid).',
    ['runner'],
  )
  const seen = gauge(r, 'stepwise_runner_last_seen_seconds', 'Seconds since each runner’s last heartbeat.', [
    'runner',
    'kind',
  ])
  for (const b of c.runners) {
    active.set({ runner: `${b.host}:${b.pid}` }, 0)
    seen.set({ runner: `${b.host}:${b.pid}`, kind: b.kind }, Math.max(0, now.getTime() - b.lastSeenAt.getTime()) / 1000)
  }
  for (const l of c.leases) active.inc({ runner: runnerOfLease(l.leaseOwner) }, l.count)

  // Every runner's own process, workers included, as it reported with its last heartbeat.
  const proc = (name: string, help: string) => gauge(r, `stepwise_runner_${name}`, help, ['runner', 'kind'])
  const rss = proc('resident_memory_bytes', 'Resident memory of each runner process at its last heartbeat.')
  const heap = proc('heap_used_bytes', 'V8 heap in use in each runner process at its last heartbeat.')
  const cpu = proc('cpu_seconds', 'CPU time (user + system) each runner process used since it started; use rate().')
  const lag = proc('event_loop_delay_p99_seconds', 'Event-loop delay p99 of each runner process between heartbeats.')
  const lagMax = proc(
    'event_loop_delay_max_seconds',
    'Event-loop delay maximum of each runner process between heartbeats.',
  )
  const ticks = proc('ticks', 'Ticks (API calls with their commit) each runner made since it started; use rate().')
  const inflight = proc('inflight_runs', 'Runs each runner process is driving now.')
  for (const b of c.runners) {
    const s = parseProcessStats(b.stats)
    if (!s) continue
    const labels = { runner: `${b.host}:${b.pid}`, kind: b.kind }
    rss.set(labels, s.rssBytes)
    heap.set(labels, s.heapUsedBytes)
    cpu.set(labels, s.cpuSeconds)
    lag.set(labels, s.eventLoopDelayP99Seconds)
    lagMax.set(labels, s.eventLoopDelayMaxSeconds)
    ticks.set(labels, s.ticks)
    inflight.set(labels, s.inflight)
  }

  const byState = gauge(r, 'stepwise_sites', 'Sites by backup state (the state the Sites page shows).', ['state'])
  const counts = new Map<string, number>()
  for (const s of sites) counts.set(s.backupState, (counts.get(s.backupState) ?? 0) + 1)
  for (const [state, n] of counts) byState.set({ state }, n)
  // The digest's rule (lib/notify/digest.ts): no good backup within the site's max age.
  const stale = sites.filter(
    (s) => now.getTime() - new Date(s.lastSuccessAt ?? s.createdAt).getTime() > s.maxBackupAgeHours * HOUR_MS,
  ).length
  gauge(r, 'stepwise_sites_stale', 'Sites without a good backup within their max backup age.', []).set(stale)
  gauge(r, 'stepwise_sites_total', 'Sites configured.', []).set(sites.length)

  const deliveries = gauge(r, 'stepwise_notify_deliveries', 'Alert deliveries by status (pending, sent, failed).', [
    'status',
  ])
  for (const s of ['pending', 'sent', 'failed']) deliveries.set({ status: s }, 0)
  for (const x of c.deliveries) deliveries.set({ status: x.status }, x.count)
  return r
}
