import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { staggerOffsetMs } from './stagger'

const id = fc.string({ minLength: 1, maxLength: 30 })

describe('staggerOffsetMs', () => {
  it('is 0 without a window', () => {
    expect(staggerOffsetMs('s1', 'site', 0)).toBe(0)
  })

  it('is deterministic and inside the window, in whole seconds', () => {
    fc.assert(
      fc.property(id, id, fc.integer({ min: 1, max: 1440 }), (s, site, w) => {
        const a = staggerOffsetMs(s, site, w)
        expect(staggerOffsetMs(s, site, w)).toBe(a)
        expect(a).toBeGreaterThanOrEqual(0)
        expect(a).toBeLessThan(w * 60_000)
        expect(a % 1000).toBe(0)
      }),
      { seed: 7, numRuns: 500 },
    )
  })

  it('spreads 40 sites roughly uniformly over the window (no start-second pile-up)', () => {
    fc.assert(
      fc.property(id, fc.uniqueArray(id, { minLength: 40, maxLength: 40 }), (scheduleId, sites) => {
        const w = 60
        const offsets = sites.map((s) => staggerOffsetMs(scheduleId, s, w))
        // Quarter buckets: expected 10 each.
        const buckets = [0, 0, 0, 0]
        for (const o of offsets) buckets[Math.floor(o / ((w * 60_000) / 4))]++
        for (const b of buckets) {
          expect(b).toBeGreaterThanOrEqual(1)
          expect(b).toBeLessThanOrEqual(22)
        }
        // Most sites start in a second of their own (a hash, so a few may share one).
        expect(new Set(offsets).size).toBeGreaterThanOrEqual(36)
      }),
      { seed: 42, numRuns: 200 },
    )
  })

  it('is uniform over many sites (chi-square, 10 buckets, 2000 sites)', () => {
    const w = 30
    const counts = new Array(10).fill(0)
    for (let i = 0; i < 2000; i++) counts[Math.floor(staggerOffsetMs('sched-x', `site-${i}`, w) / (w * 6_000))]++
    const chi = counts.reduce((sum, c) => sum + (c - 200) ** 2 / 200, 0)
    expect(chi).toBeLessThan(27.9) // p = 0.001 for 9 degrees of freedom
  })

  it('gives the same site different slots in different schedules', () => {
    const slots = new Set(['a', 'b', 'c', 'd', 'e'].map((s) => staggerOffsetMs(s, 'site-1', 60)))
    expect(slots.size).toBeGreaterThan(1)
  })
})
