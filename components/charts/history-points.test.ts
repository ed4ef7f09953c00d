import { describe, expect, it } from 'vitest'
import type { ArchiveDto } from '@/lib/domain/archives'
import type { RunDto } from '@/lib/domain/runs'
import { durationAxis, durationPoints, sizeAxis, sizePoints, timeAxis } from './history-points'

const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString()
const run = (id: string, status: string, start: number | null, end: number | null) =>
  ({ id, status, startedAt: start === null ? null : t(start), finishedAt: end === null ? null : t(end) }) as RunDto

describe('history points', () => {
  it('keeps finished, non-cancelled runs, oldest first, in minutes', () => {
    const pts = durationPoints([
      run('b', 'failed', 10, 12),
      run('a', 'succeeded', 0, 3),
      run('c', 'cancelled', 20, 21),
      run('d', 'running', 30, null),
    ])
    expect(pts.map((p) => [p.runId, p.minutes, p.status])).toEqual([
      ['a', 3, 'succeeded'],
      ['b', 2, 'failed'],
    ])
  })

  it('keeps complete archives with a size', () => {
    const a = (name: string, status: string, size: number, end: string | null) =>
      ({ archiveName: name, status, totalSize: size, backupEnd: end, backupStart: end }) as ArchiveDto
    expect(
      sizePoints([
        a('x', 'complete', 10, t(5)),
        a('y', 'fail', 10, t(1)),
        a('z', 'complete', 0, t(2)),
        a('w', 'complete', 7, t(1)),
      ]).map((p) => p.name),
    ).toEqual(['w', 'x'])
  })
})

describe('time axis', () => {
  const at = (d: number, h = 0) => Date.UTC(2026, 11, d, h)
  it('ticks on distinct days for a multi-day history', () => {
    const ax = timeAxis([at(1, 2), at(2, 2), at(3, 2), at(4, 2), at(5, 2)], 6, 'UTC')
    const labels = ax.ticks.map(ax.label)
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels).toEqual(['Dec 1', 'Dec 2', 'Dec 3', 'Dec 4', 'Dec 5'])
    expect(ax.domain[0]).toBeLessThan(at(1, 2))
    expect(ax.domain[1]).toBeGreaterThan(at(5, 2))
  })
  it('backups within one day get hour ticks, never "Dec 1, Dec 1, Dec 1"', () => {
    const ax = timeAxis([at(1, 8), at(1, 9), at(1, 11), at(1, 15)], 6, 'UTC')
    const labels = ax.ticks.map(ax.label)
    expect(labels.length).toBeGreaterThan(2)
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels.every((l) => /^\d\d:00$/.test(l))).toBe(true)
  })
  it('one point gets a day around it, with distinct ticks', () => {
    const ax = timeAxis([at(1, 12)], 6, 'UTC')
    expect(ax.domain).toEqual([at(1, 0), at(2, 0)])
    const labels = ax.ticks.map(ax.label)
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels.length).toBeLessThanOrEqual(7)
  })
})

describe('value axes', () => {
  it('durations: whole steps with distinct labels, even for a few seconds', () => {
    const a = durationAxis(1.2)
    expect(a.ticks).toEqual([0, 1, 2])
    expect(a.ticks.map(a.label)).toEqual(['0', '1s', '2s'])
    const b = durationAxis(200)
    expect(new Set(b.ticks.map(b.label)).size).toBe(b.ticks.length)
    expect(b.ticks.at(-1)).toBeGreaterThanOrEqual(200)
  })
  it('sizes: round numbers of one unit', () => {
    const a = sizeAxis(300 * 1024)
    expect(a.ticks.map(a.label)).toEqual(['0', '100 KB', '200 KB', '300 KB'])
    const b = sizeAxis(2.6 * 1024 ** 3)
    expect(b.ticks.map(b.label)).toEqual(['0', '1 GB', '2 GB', '3 GB'])
  })
})
