import { describe, expect, it } from 'vitest'
import { targetsOf } from './targets'
import { dueSites } from './due-sites'
import { staggerOffsetMs } from './stagger'

const sites = [
  { id: 'a', tags: ['shop', 'eu'] },
  { id: 'b', tags: ['eu'] },
  { id: 'c', tags: [] },
]

describe('targetsOf', () => {
  it('a site schedule targets that site only, whatever its tags', () => {
    expect(targetsOf({ siteId: 'c', tag: null }, sites).map((s) => s.id)).toEqual(['c'])
  })

  it('a tag schedule targets every site carrying the tag now', () => {
    expect(targetsOf({ siteId: null, tag: 'eu' }, sites).map((s) => s.id)).toEqual(['a', 'b'])
    expect(targetsOf({ siteId: null, tag: 'none' }, sites)).toEqual([])
  })

  it('a removed site or no target gives nothing', () => {
    expect(targetsOf({ siteId: 'gone', tag: null }, sites)).toEqual([])
    expect(targetsOf({ siteId: null, tag: null }, sites)).toEqual([])
  })
})

describe('dueSites', () => {
  const many = Array.from({ length: 20 }, (_, i) => ({ id: `site-${i}`, tags: ['t'] }))
  const s = { id: 'sched-1', siteId: null, tag: 't', staggerMinutes: 30 }
  const offset = (id: string) => staggerOffsetMs(s.id, id, s.staggerMinutes)

  it('only sites whose stagger offset has passed, earliest start first', () => {
    const due = dueSites(s, many, 15 * 60_000)
    expect(due.length).toBeGreaterThan(0)
    expect(due.length).toBeLessThan(many.length)
    expect(due.every((x) => offset(x.id) <= 15 * 60_000)).toBe(true)
    expect(due.map((x) => offset(x.id))).toEqual(due.map((x) => offset(x.id)).sort((a, b) => a - b))
  })

  it('without a stagger window every target is due at the fire time', () => {
    expect(dueSites({ ...s, staggerMinutes: 0 }, many, 0)).toHaveLength(20)
  })
})
