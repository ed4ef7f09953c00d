import { describe, expect, it } from 'vitest'
import type { RunDto } from '@/lib/domain/runs'
import { groupProblems, summarize, type SummarySite } from './fleet-summary'

const NOW = Date.UTC(2026, 5, 1)
const h = (n: number) => new Date(NOW - n * 3_600_000).toISOString()
const site = (id: string, over: Partial<SummarySite>): SummarySite => ({
  id,
  name: id,
  backupState: 'ok',
  lastSuccessAt: h(1),
  maxBackupAgeHours: 24,
  connectionStatus: 'ok',
  isDemo: false,
  ...over,
})

describe('summarize', () => {
  it('counts states, the fresh share and the stale sites oldest first', () => {
    const s = summarize(
      [
        site('a', {}),
        site('b', { backupState: 'too_old', lastSuccessAt: h(30) }),
        site('c', { backupState: 'never', lastSuccessAt: null }),
        site('d', { backupState: 'not_connected', lastSuccessAt: null, connectionStatus: 'not_connected' }),
        site('e', { backupState: 'running', lastSuccessAt: h(2), maxBackupAgeHours: 1 }),
      ],
      NOW,
    )
    expect(s.total).toBe(5)
    expect(s.byState).toEqual({ ok: 1, too_old: 1, never: 1, not_connected: 1, running: 1 })
    expect(s.fresh).toBe(1)
    expect(s.freshShare).toBe(20)
    expect(s.stale.map((x) => x.id)).toEqual(['c', 'b', 'e'])
  })

  it('has no share without sites', () => {
    expect(summarize([], NOW)).toMatchObject({ total: 0, freshShare: null, stale: [] })
  })
})

describe('stale sites', () => {
  it('a site added a moment ago with no backup is not "too old"; one added longer ago than its max age is', () => {
    const s = summarize(
      [
        site('new', { backupState: 'never', lastSuccessAt: null, createdAt: h(0.1) }),
        site('old', { backupState: 'never', lastSuccessAt: null, createdAt: h(48) }),
      ],
      NOW,
    )
    expect(s.stale.map((x) => x.id)).toEqual(['old'])
  })
})

describe('groupProblems', () => {
  const run = (id: string, siteId: string, status: string, endH: number, over: Partial<RunDto> = {}) =>
    ({
      id,
      siteId,
      siteName: siteId.toUpperCase(),
      status,
      warningsCount: 0,
      createdAt: h(endH + 1),
      finishedAt: h(endH),
      errorMessage: `error ${id}`,
      ...over,
    }) as RunDto
  const WEEK = 7 * 86_400_000

  it('folds a site that fails every day into one row with a count and its first and last time', () => {
    const runs = [
      run('r1', 'a', 'failed', 1),
      run('r2', 'a', 'failed', 25),
      run('r3', 'a', 'timed_out', 49),
      run('r4', 'b', 'failed', 3),
      run('r5', 'a', 'succeeded', 2, { warningsCount: 2 }),
      run('r6', 'a', 'succeeded', 5),
      run('r7', 'a', 'failed', 24 * 8), // outside the week
    ]
    const g = groupProblems(runs, NOW, WEEK)
    expect(g.map((x) => [x.siteId, x.kind, x.count])).toEqual([
      ['a', 'failed', 3],
      ['a', 'warnings', 1],
      ['b', 'failed', 1],
    ])
    expect(g[0]).toMatchObject({ firstAt: h(49), lastAt: h(1) })
    expect(g[0].latest.id).toBe('r1')
    expect(g[1].warnings).toBe(2)
  })
})
