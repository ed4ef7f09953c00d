import { describe, expect, it } from 'vitest'
import { checkSiteInput, createSiteInput, updateSiteInput } from './site-input'

const KEY = 'Strong-Key_0123456789'
const fieldOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues[0]?.path.join('.')

describe('site input', () => {
  it('keys: at least 16 characters, punctuation fine, no control characters', () => {
    expect(checkSiteInput.safeParse({ url: 'https://a.example', key: KEY }).success).toBe(true)
    expect(fieldOf(checkSiteInput.safeParse({ url: 'https://a.example', key: 'Short-Key-123' }))).toBe('key')
    for (const k of [`${KEY}\r\n`, `${KEY}\u0000`, `x\n${KEY}`])
      expect(fieldOf(checkSiteInput.safeParse({ url: 'https://a.example', key: k }))).toBe('key')
  })

  it('urls: no spaces, control characters, credentials or other schemes', () => {
    for (const u of [
      'https://a.example/x y',
      'https://a.example/\r\nX: 1',
      'https://u:p@a.example/',
      'ftp://a.example',
    ])
      expect(fieldOf(checkSiteInput.safeParse({ url: u, key: KEY }))).toBe('url')
    expect(checkSiteInput.safeParse({ url: ' a.example ', key: KEY }).data?.url).toBe('a.example')
  })

  it('names and tags refuse NUL and lone surrogates', () => {
    const base = { url: 'https://a.example', key: KEY }
    expect(fieldOf(createSiteInput.safeParse({ ...base, name: 'a\u0000' }))).toBe('name')
    expect(fieldOf(createSiteInput.safeParse({ ...base, name: 'ok', tags: ['x\ud800'] }))).toBe('tags.0')
  })

  it('a new url needs the key in the same request', () => {
    expect(fieldOf(updateSiteInput.safeParse({ url: 'https://b.example' }))).toBe('key')
    expect(updateSiteInput.safeParse({ url: 'https://b.example', key: KEY }).success).toBe(true)
    expect(updateSiteInput.safeParse({ name: 'x' }).success).toBe(true)
  })
})
