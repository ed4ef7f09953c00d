// Chart points from a site's runs and archives (pure, so it is tested without a browser).
import type { ArchiveDto } from '@/lib/domain/archives'
import type { RunDto } from '@/lib/domain/runs'

export interface DurationPoint {
  at: number
  minutes: number
  status: string
  runId: string
}

export interface SizePoint {
  at: number
  bytes: number
  name: string
}

/** Finished runs with a start and an end, oldest first. Cancelled runs are left out (not a real duration). */
export function durationPoints(runs: readonly RunDto[]): DurationPoint[] {
  return runs
    .filter((r) => r.startedAt && r.finishedAt && r.status !== 'cancelled')
    .map((r) => ({
      at: Date.parse(r.finishedAt!),
      minutes: (Date.parse(r.finishedAt!) - Date.parse(r.startedAt!)) / 60_000,
      status: r.status,
      runId: r.id,
    }))
    .filter((p) => Number.isFinite(p.at) && p.minutes >= 0)
    .sort((a, b) => a.at - b.at)
}

/** Complete archives with a size, oldest first. */
export function sizePoints(archives: readonly ArchiveDto[]): SizePoint[] {
  return archives
    .filter((a) => a.status === 'complete' && a.totalSize > 0 && (a.backupEnd ?? a.backupStart))
    .map((a) => ({ at: Date.parse((a.backupEnd ?? a.backupStart)!), bytes: a.totalSize, name: a.archiveName }))
    .sort((a, b) => a.at - b.at)
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
const STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY]

export interface TimeAxis {
  domain: [number, number]
  ticks: number[]
  /** The tick's words: a date for day ticks and midnight, else the time of day. Never two alike. */
  label: (ms: number) => string
}

/**
 * A real time axis for `points` (epoch ms): a domain padded by half a step on each side (room for
 * the bars at the ends; a single point gets a day around it), and ticks at whole hours or local
 * midnights, each labelled differently ("Dec 1", "Dec 2" or "06:00", "12:00").
 */
export function timeAxis(points: readonly number[], maxTicks = 6, tz?: string): TimeAxis {
  const min = Math.min(...points)
  const max = Math.max(...points)
  const span = max - min
  // Room for the end bars: a day around a lone point, else a twentieth of the span (at least 20 min).
  const pad = points.length < 2 || span === 0 ? DAY / 2 : Math.max(span * 0.05, 20 * 60_000)
  const domain: [number, number] = [min - pad, max + pad]
  const dayFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: tz })
  const timeFmt = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: tz,
  })
  const isMidnight = (ms: number) => timeFmt.format(ms) === '00:00'
  const ticksFor = (step: number): number[] => {
    const out: number[] = []
    for (let t = Math.ceil(domain[0] / HOUR) * HOUR; t <= domain[1] && out.length <= maxTicks; t += HOUR) {
      const ok =
        step >= DAY
          ? isMidnight(t) && (out.length === 0 || Math.round((t - out[out.length - 1]) / DAY) >= step / DAY)
          : (out.length === 0 || t - out[out.length - 1] >= step) && isAlignedHour(t, step, timeFmt)
      if (ok) out.push(t)
    }
    return out
  }
  // The smallest round step that fits maxTicks; a smaller one when that would leave a single tick.
  let k = STEPS.findIndex((st) => (domain[1] - domain[0]) / st <= maxTicks)
  if (k < 0) k = STEPS.length - 1
  let step = STEPS[k]
  let ticks = ticksFor(step)
  while (ticks.length > maxTicks && k < STEPS.length - 1) ticks = ticksFor((step = STEPS[++k]))
  if (ticks.length < 2 && k > 0) {
    const finer = ticksFor(STEPS[k - 1])
    if (finer.length >= 2 && finer.length <= maxTicks + 1) [ticks, step] = [finer, STEPS[k - 1]]
  }
  const label = (ms: number) => (step >= DAY || isMidnight(ms) ? dayFmt.format(ms) : timeFmt.format(ms))
  return { domain, ticks, label }
}

function isAlignedHour(t: number, step: number, fmt: Intl.DateTimeFormat): boolean {
  const hour = Number(fmt.format(t).slice(0, 2))
  return hour % (step / HOUR) === 0
}

/** Y ticks from 0 to at least `max`, at a round step from `steps`, at most `maxTicks` intervals. */
function roundTicks(max: number, steps: readonly number[], maxTicks = 4): number[] {
  const top = Math.max(max, steps[0])
  const step = steps.find((s) => top / s <= maxTicks) ?? Math.ceil(top / maxTicks)
  const out: number[] = []
  for (let t = 0; t < top + step; t += step) out.push(t)
  return out
}

const SECOND_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200]

/** Duration ticks in seconds ("0s", "30s", "1m", "1h 30m" never: whole steps only), distinct labels. */
export function durationAxis(maxSeconds: number): { ticks: number[]; label: (s: number) => string } {
  const ticks = roundTicks(maxSeconds, SECOND_STEPS)
  const label = (s: number) =>
    s === 0 ? '0' : s < 60 ? `${s}s` : s < 3600 ? `${+(s / 60).toFixed(1)}m` : `${+(s / 3600).toFixed(1)}h`
  return { ticks, label }
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB']
const SIZE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500]

/** Size ticks at round numbers of one binary unit (0, 100 KB, 200 KB, 300 KB), distinct labels. */
export function sizeAxis(maxBytes: number): { ticks: number[]; label: (b: number) => string } {
  let u = 0
  while (u < UNITS.length - 1 && maxBytes >= 1024 ** (u + 1)) u++
  const unit = 1024 ** u
  const ticks = roundTicks(maxBytes / unit, SIZE_STEPS).map((t) => t * unit)
  return { ticks, label: (b: number) => (b === 0 ? '0' : `${+(b / unit).toFixed(1)} ${UNITS[u]}`) }
}
