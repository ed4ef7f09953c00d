import { describe, expect, it } from 'vitest'
import { formatTable, shortTime } from './format-table'

describe('formatTable', () => {
  it('pads each column to its widest cell and leaves no trailing spaces', () => {
    expect(
      formatTable(
        ['EMAIL', 'ROLE', 'NAME'],
        [
          ['ann@agency.test', 'owner', 'Ann'],
          ['b@x.test', 'viewer', ''],
        ],
      ),
    ).toEqual(['EMAIL            ROLE    NAME', 'ann@agency.test  owner   Ann', 'b@x.test         viewer'])
  })

  it('a header alone when there are no rows', () => {
    expect(formatTable(['ID', 'NAME'], [])).toEqual(['ID  NAME'])
  })
})

describe('shortTime', () => {
  it('minutes in UTC, or a dash', () => {
    expect(shortTime('2027-01-31T18:04:05.000Z')).toBe('2027-01-31 18:04Z')
    expect(shortTime(null)).toBe('-')
  })
})
