import { describe, expect, it } from 'vitest'
import { previewSentence, rulesText, scopeText } from './retention-labels'

describe('retention labels', () => {
  it('says what a policy keeps', () => {
    expect(rulesText({ keepLast: 7, keepDays: null, keepWeekly: 4, keepMonthly: null })).toBe(
      'Keeps the last 7, one a week for 4 weeks',
    )
    expect(rulesText({ keepLast: null, keepDays: 1, keepWeekly: null, keepMonthly: 1 })).toBe(
      'Keeps every backup of the last 1 day, one a month for 1 month',
    )
  })

  it('names the scope: sites by name, tags, or every site', () => {
    const names: Record<string, string> = { a: 'Bakery', b: 'Florist' }
    expect(scopeText({ tags: [], siteIds: [] })).toBe('Every site')
    expect(scopeText({ tags: ['client-a'], siteIds: ['a', 'x'] }, (id) => names[id])).toBe(
      'Bakery, a removed site; sites tagged client-a',
    )
    expect(scopeText({ tags: [], siteIds: ['a', 'b', 'a', 'b', 'a'] }, (id) => names[id])).toBe(
      'Bakery, Florist, Bakery and 2 more',
    )
  })

  it('phrases the preview as the issue asks', () => {
    expect(previewSentence({ removeCount: 14, siteCount: 6 }, '2.3 GB')).toBe(
      'Would remove 14 archives on 6 sites, free 2.3 GB',
    )
    expect(previewSentence({ removeCount: 1, siteCount: 1 }, '1 MB')).toBe(
      'Would remove 1 archive on 1 site, free 1 MB',
    )
    expect(previewSentence({ removeCount: 0, siteCount: 0 }, '0 B')).toBe('Would remove nothing now')
  })
})
