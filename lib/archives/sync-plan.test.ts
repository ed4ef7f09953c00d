import { describe, expect, it } from 'vitest'
import { nextSyncDue } from './sync-plan'

describe('next background sync', () => {
  const H = 3_600_000
  it('is one interval ahead, give or take 15 %', () => {
    expect(nextSyncDue(0, 6 * H, () => 0).getTime()).toBe(Math.round(0.85 * 6 * H))
    expect(nextSyncDue(0, 6 * H, () => 0.5).getTime()).toBe(6 * H)
    expect(nextSyncDue(0, 6 * H, () => 1).getTime()).toBe(Math.round(1.15 * 6 * H))
  })
  it('spreads a fleet added at once', () => {
    const dues = new Set(Array.from({ length: 50 }, () => nextSyncDue(0, 6 * H).getTime()))
    expect(dues.size).toBeGreaterThan(40)
  })
})
