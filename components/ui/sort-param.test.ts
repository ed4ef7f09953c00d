import { describe, expect, it } from 'vitest'
import { parseSort, sortParam } from './sort-param'

describe('sort in the URL', () => {
  it('round-trips a known column and drops the rest', () => {
    expect(parseSort('name:desc', ['name'])).toEqual({ key: 'name', dir: 'desc' })
    expect(sortParam(parseSort('name:asc', ['name']))).toBe('name:asc')
    expect(parseSort('bogus:asc', ['name'])).toBeNull()
    expect(parseSort('name:up', ['name'])).toBeNull()
    expect(parseSort(null, ['name'])).toBeNull()
    expect(sortParam(null)).toBeUndefined()
  })
})
