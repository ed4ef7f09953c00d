import { describe, expect, it } from 'vitest'
import type { ReportArchiveRow, ReportRunRow, ReportSiteRow } from '../db/reports'
import { buildReport, freshShare } from './build-report'

const H = 3_600_000
const D = 24 * H
const from = new Date('2026-11-01T00:00:00Z')
const to = new Date('2026-12-01T00:00:00Z')
const at = (day: number, hour = 2) => new Date(from.getTime() + (day - 1) * D + hour * H)

const site = (id: string, extra: Partial<ReportSiteRow> = {}): ReportSiteRow => ({
  id,
  name: id,
  baseUrl: `https://${id}.example/`,
  tags: ['client-a'],
  maxBackupAgeHours: 48,
  isDemo: false,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...extra,
})

let n = 0
const run = (siteId: string, day: number, status: string, size: number | null = 100): ReportRunRow => ({
  id: `r${++n}`,
  siteId,
  status,
  trigger: 'schedule',
  backupType: 'full',
  description: null,
  errorMessage: status === 'succeeded' ? null : 'disk full',
  warningsCount: 0,
  startedAt: new Date(at(day).getTime() - 10 * 60_000),
  finishedAt: at(day),
  archiveSize: status === 'succeeded' ? size : null,
})

describe('freshShare', () => {
  it('is the union of [good, good+maxAge) clipped to the window', () => {
    expect(freshShare([], 0, 100, 10)).toBe(0)
    expect(freshShare([0], 0, 100, 10)).toBe(0.1)
    // Overlapping coverage is counted once; a backup before the window still covers its start.
    expect(freshShare([-5, 0, 5, 50], 0, 100, 10)).toBeCloseTo(0.25)
    expect(freshShare([0], 10, 10, 10)).toBeNull()
  })
})

describe('buildReport', () => {
  it('counts backups, success rate, sizes and state per site and for the fleet', () => {
    const runs = [
      run('a', 1, 'succeeded', 100),
      run('a', 2, 'failed'),
      run('a', 3, 'succeeded', 300),
      run('a', 4, 'timed_out'),
      run('b', 29, 'succeeded', 1000),
    ]
    const foreign: ReportArchiveRow[] = [
      {
        siteId: 'b',
        status: 'complete',
        origin: 'backend',
        description: 'made in the site',
        totalSize: 500,
        backupStart: at(10, 1),
        backupEnd: at(10),
      },
    ]
    const r = buildReport({
      tag: 'client-a',
      from,
      to,
      now: new Date('2026-12-05T00:00:00Z'),
      sites: [site('a'), site('b'), site('c')],
      runs,
      foreign,
      goodBefore: new Map([['c', new Date('2026-10-01T00:00:00Z')]]),
    })
    const [a, b, c] = r.sites
    expect(a).toMatchObject({ backups: 4, succeeded: 2, failed: 2, successRate: 0.5, totalBytes: 400 })
    expect(a).toMatchObject({ minBytes: 100, maxBytes: 300, latestBytes: 300, state: 'failed' })
    expect(a.lastBackups.map((x) => x.status)).toEqual(['timed_out', 'succeeded', 'failed', 'succeeded'])
    expect(a.lastBackups[1].durationMs).toBe(10 * 60_000)
    // Two good backups on days 1 and 3 at 02:00, 48 h each: covered from Nov 1 02:00 to Nov 5 02:00.
    expect(a.freshShare).toBeCloseTo((4 * D) / (30 * D))
    expect(b).toMatchObject({
      backups: 2,
      succeeded: 2,
      successRate: 1,
      totalBytes: 1500,
      latestBytes: 1000,
      state: 'ok',
    })
    expect(b.lastBackups[1]).toMatchObject({ source: 'site', description: 'made in the site', sizeBytes: 500 })
    expect(c).toMatchObject({ backups: 0, successRate: null, state: 'too_old', lastGoodAt: '2026-10-01T00:00:00.000Z' })
    expect(c.freshShare).toBe(0)
    expect(r.totals).toMatchObject({
      sites: 3,
      backups: 6,
      succeeded: 4,
      failed: 2,
      totalBytes: 1900,
      states: { ok: 1, failed: 1, too_old: 1, never: 0 },
      lastGoodAt: at(29).toISOString(),
    })
    expect(r.totals.successRate).toBeCloseTo(4 / 6)
    expect(r.asOf).toBe(to.toISOString())
  })

  it('a running period ends now; a site added mid-period is measured from its adding; never backed up', () => {
    const now = at(16, 0)
    const r = buildReport({
      tag: 't',
      from,
      to,
      now,
      sites: [site('new', { createdAt: at(11, 0) }), site('never')],
      runs: [run('new', 11, 'succeeded')],
      foreign: [],
      goodBefore: new Map(),
    })
    expect(r.asOf).toBe(now.toISOString())
    // Added day 11 00:00, backed up 02:00, fresh until day 13 02:00; window day 11 00:00 → day 16 00:00.
    expect(r.sites[0].freshShare).toBeCloseTo(48 / 120)
    expect(r.sites[1]).toMatchObject({ state: 'never', freshShare: 0, lastGoodAt: null })
    expect(r.totals.states.never).toBe(1)
  })

  it('keeps only the newest 10 backups of a site, newest first', () => {
    const runs = Array.from({ length: 14 }, (_, i) => run('a', i + 1, 'succeeded', i))
    const r = buildReport({ tag: 't', from, to, now: to, sites: [site('a')], runs, foreign: [], goodBefore: new Map() })
    expect(r.sites[0].lastBackups).toHaveLength(10)
    expect(r.sites[0].lastBackups[0].sizeBytes).toBe(13)
    expect(r.sites[0].backups).toBe(14)
  })

  it('an empty tag is an empty report, not an error', () => {
    const r = buildReport({ tag: 'x', from, to, now: to, sites: [], runs: [], foreign: [], goodBefore: new Map() })
    expect(r.totals).toMatchObject({ sites: 0, backups: 0, successRate: null, freshShare: null, lastGoodAt: null })
  })
})
