import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { estimateRemaining, successfulDurations, typicalDuration } from './eta'

describe('typicalDuration', () => {
  it('is the median of usable durations', () => {
    expect(typicalDuration([])).toBeNull()
    expect(typicalDuration([0, -5, Number.NaN])).toBeNull()
    expect(typicalDuration([30_000])).toBe(30_000)
    expect(typicalDuration([10_000, 90_000, 20_000])).toBe(20_000)
    expect(typicalDuration([10_000, 20_000, 30_000, 1_000_000])).toBe(25_000)
  })
})

describe('estimateRemaining', () => {
  it('says nothing without history', () => {
    expect(estimateRemaining({ pastDurationsMs: [], elapsedMs: 5000, progress: 40 })).toEqual({ kind: 'none' })
  })

  it('uses the typical duration while the run is within it', () => {
    const eta = estimateRemaining({ pastDurationsMs: [60_000, 60_000, 120_000], elapsedMs: 20_000, progress: 10 })
    expect(eta).toEqual({ kind: 'remaining', remainingMs: 40_000, typicalMs: 60_000, basis: 'history' })
  })

  it('extrapolates from the percent once the run outlasts its history', () => {
    const eta = estimateRemaining({ pastDurationsMs: [30_000], elapsedMs: 60_000, progress: 75 })
    expect(eta).toEqual({ kind: 'remaining', remainingMs: 20_000, typicalMs: 30_000, basis: 'progress' })
  })

  it('is overdue when late and the percent is too small to extrapolate', () => {
    expect(estimateRemaining({ pastDurationsMs: [30_000], elapsedMs: 60_000, progress: 2 })).toEqual({
      kind: 'overdue',
      typicalMs: 30_000,
    })
    expect(estimateRemaining({ pastDurationsMs: [30_000], elapsedMs: 60_000, progress: null })).toEqual({
      kind: 'overdue',
      typicalMs: 30_000,
    })
  })

  it('treats a clock skew (negative elapsed) as just started', () => {
    const eta = estimateRemaining({ pastDurationsMs: [30_000], elapsedMs: -4000, progress: 0 })
    expect(eta).toMatchObject({ kind: 'remaining', remainingMs: 30_000 })
  })

  it('never estimates a negative or sub-second time left', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10, max: 10_000_000 }), { maxLength: 20 }),
        fc.integer({ min: -100_000, max: 50_000_000 }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
        (past, elapsed, progress) => {
          const eta = estimateRemaining({ pastDurationsMs: past, elapsedMs: elapsed, progress })
          if (eta.kind === 'remaining') expect(eta.remainingMs).toBeGreaterThanOrEqual(1000)
        },
      ),
    )
  })
})

describe('successfulDurations', () => {
  it('keeps finished successful runs only', () => {
    const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString()
    expect(
      successfulDurations([
        { status: 'succeeded', startedAt: t(0), finishedAt: t(42) },
        { status: 'failed', startedAt: t(0), finishedAt: t(10) },
        { status: 'succeeded', startedAt: null, finishedAt: t(10) },
        { status: 'running', startedAt: t(0), finishedAt: null },
      ]),
    ).toEqual([42_000])
  })
})
