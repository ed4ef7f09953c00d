import { describe, expect, it } from 'vitest'
import { filterQuery, readRunsFilter, toApiFilter } from './run-filter'

describe('runs page filter', () => {
  it('keeps valid values and drops the rest', () => {
    expect(
      readRunsFilter({
        siteId: 's1',
        status: 'failed,bogus,timed_out',
        trigger: 'nope',
        since: '2026-01-02',
        until: 'yesterday',
      }),
    ).toEqual({
      siteId: 's1',
      status: 'failed,timed_out',
      trigger: undefined,
      since: '2026-01-02',
      until: undefined,
    })
    expect(readRunsFilter(new URLSearchParams('trigger=bulk'))).toMatchObject({ trigger: 'bulk' })
  })

  it('makes until inclusive and round-trips through the query', () => {
    const f = readRunsFilter({ since: '2026-01-02', until: '2026-01-03' })
    expect(toApiFilter(f)).toMatchObject({ since: '2026-01-02T00:00:00.000Z', until: '2026-01-03T23:59:59.999Z' })
    expect(readRunsFilter(new URLSearchParams(filterQuery(f)))).toEqual(f)
  })
})

describe('runs page sort', () => {
  it('keeps a known column sort in the query and leaves it out of the API filter', () => {
    const f = readRunsFilter(new URLSearchParams('sort=site:desc&status=succeeded'))
    expect(f.sort).toBe('site:desc')
    expect(filterQuery(f)).toContain('sort=site%3Adesc')
    expect(toApiFilter(f)).not.toHaveProperty('sort')
    expect(readRunsFilter({ sort: 'password:asc' }).sort).toBeUndefined()
  })
})
