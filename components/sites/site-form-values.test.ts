import { describe, expect, it } from 'vitest'
import { keyError, maxAgeHours, nameFromUrl, parseTags, urlError, daysFromHours } from './site-form-values'

describe('site form values', () => {
  it('accepts addresses with or without scheme', () => {
    expect(urlError('https://www.example.com/')).toBeNull()
    expect(urlError('example.com')).toBeNull()
    expect(urlError('http://127.0.0.1:4401/s/a/')).toBeNull()
  })
  it('explains bad addresses', () => {
    expect(urlError('')).toMatch(/Paste/)
    expect(urlError('not a url')).toMatch(/not a web address|no domain/)
    expect(urlError('ftp://example.com')).toMatch(/http/)
  })
  it('checks the key', () => {
    expect(keyError('')).toMatch(/secret word/)
    expect(keyError(' abc')).toMatch(/space/)
    expect(keyError('abc')).toMatch(/16 characters/)
    expect(keyError('abcdefgh-12345678')).toBeNull()
  })
  it('parses tags and ages', () => {
    expect(parseTags(' a, b,,a ')).toEqual(['a', 'b'])
    expect(maxAgeHours('7')).toBe(168)
    expect(maxAgeHours('0.5')).toBe(12)
    expect(maxAgeHours('0')).toBeNull()
    expect(maxAgeHours('x')).toBeNull()
    expect(daysFromHours(168)).toBe('7')
  })
  it('names a site from its host', () => {
    expect(nameFromUrl('https://www.bakery.de/shop')).toBe('bakery.de/shop')
    expect(nameFromUrl('http://127.0.0.1:4401/s/x/')).toBe('127.0.0.1/s/x')
    expect(nameFromUrl('https://example.com:8443/')).toBe('example.com')
    expect(nameFromUrl('http://127.0.0.1:8080/')).toBe('127.0.0.1:8080')
  })
})
