// A runner process's own figures, sent with each heartbeat (lib/db/runner-heartbeats.ts) so that
// /api/metrics can show every runner's memory, CPU and event-loop delay, workers included: worker
// processes serve no HTTP of their own to be scraped.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'

export interface ProcessStats {
  /** Resident set size, bytes. */
  rssBytes: number
  heapUsedBytes: number
  /** User + system CPU time since the process started, seconds. */
  cpuSeconds: number
  /** Event-loop delay since the previous report: 99th percentile and maximum, seconds. */
  eventLoopDelayP99Seconds: number
  eventLoopDelayMaxSeconds: number
  /** Ticks this runner made since it started, and runs it drives now. */
  ticks: number
  inflight: number
}

const RESOLUTION_MS = 20

/** Samples the event loop between start() and stop(); `read()` reports and starts a new interval. */
export class ProcessStatsSampler {
  private readonly delay: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS })

  start(): void {
    this.delay.enable()
  }

  read(runner: { ticks: number; inflight: number }): ProcessStats {
    const mem = process.memoryUsage()
    const cpu = process.cpuUsage()
    const stats: ProcessStats = {
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      // The histogram holds the time between its timer's runs, in nanoseconds: the delay is what
      // exceeds the timer's own interval. Before its first sample it has nothing to report.
      eventLoopDelayP99Seconds: this.delay.count ? delayOf(this.delay.percentile(99)) : 0,
      eventLoopDelayMaxSeconds: this.delay.count ? delayOf(this.delay.max) : 0,
      ticks: runner.ticks,
      inflight: runner.inflight,
    }
    this.delay.reset()
    return stats
  }

  stop(): void {
    this.delay.disable()
  }
}

const delayOf = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS) / 1000

/** Stats as stored (JSON), or null when absent or not readable (a runner of an older version). */
export function parseProcessStats(text: string | null): ProcessStats | null {
  if (!text) return null
  try {
    const v = JSON.parse(text) as Partial<ProcessStats>
    return typeof v.rssBytes === 'number' && typeof v.cpuSeconds === 'number' ? (v as ProcessStats) : null
  } catch {
    return null
  }
}
