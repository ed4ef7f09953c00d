import { describe, expect, it } from 'vitest'
import type { ArchiveDto } from '@/lib/domain/archives'
import type { RunDto } from '@/lib/domain/runs'
import { durationPoints, sizePoints } from './history-points'

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
