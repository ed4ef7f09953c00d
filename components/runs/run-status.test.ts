import { describe, expect, it } from 'vitest'
import { estimateBasis, runMoment } from './run-status'

const times = {
  createdAt: '2026-12-01T10:00:00Z',
  startedAt: '2026-12-01T10:01:00Z',
  finishedAt: '2026-12-01T10:05:00Z',
}

describe('runMoment: the header names the moment that matters', () => {
  it('a finished run says when it finished, not when it was queued', () => {
    expect(runMoment({ status: 'succeeded', ...times })).toEqual({ verb: 'finished', at: times.finishedAt })
    expect(runMoment({ status: 'failed', ...times })).toEqual({ verb: 'stopped', at: times.finishedAt })
  })
  it('a running run says when it started; a queued one when it was queued', () => {
    expect(runMoment({ status: 'running', ...times, finishedAt: null })).toEqual({
      verb: 'started',
      at: times.startedAt,
    })
    expect(runMoment({ status: 'queued', ...times, startedAt: null, finishedAt: null })).toEqual({
      verb: 'queued',
      at: times.createdAt,
    })
  })
})

describe('estimateBasis', () => {
  it("uses the site's own history first", () => {
    expect(estimateBasis([60_000], { full: 90_000 }, 'full')).toEqual({ durations: [60_000], source: 'site' })
  })
  it("falls back to the fleet's typical duration of this backup type", () => {
    expect(estimateBasis([], { full: 90_000, dbonly: 10_000 }, 'dbonly')).toEqual({
      durations: [10_000],
      source: 'fleet',
    })
    expect(estimateBasis([], { '': 45_000 }, null)).toEqual({ durations: [45_000], source: 'fleet' })
  })
  it('has nothing without any history of that type (the page then shows progress only)', () => {
    expect(estimateBasis([], { full: 90_000 }, 'dbonly')).toEqual({ durations: [], source: null })
  })
})
