import { describe, expect, it } from 'vitest'
import { hasControlChars, hasLoneSurrogate, safeText, singleLineText } from './safe-text'

describe('safe text', () => {
  it('refuses NUL and lone surrogates, keeps real emoji and accents', () => {
    const s = safeText().trim().max(20)
    expect(s.safeParse('  Café 🚀  ').data).toBe('Café 🚀')
    expect(s.safeParse('a\u0000b').success).toBe(false)
    expect(s.safeParse('a\ud800b').success).toBe(false)
    expect(s.safeParse('a\udc00').success).toBe(false)
    expect(s.safeParse('tab\tand\nline').success).toBe(true)
  })

  it('single-line text also refuses C0, DEL and C1 controls', () => {
    const s = singleLineText()
    for (const bad of ['a\rb', 'a\nb', 'a\tb', 'a\u007fb', 'a\u0085b', 'a\u009bb'])
      expect(s.safeParse(bad).success).toBe(false)
    expect(s.safeParse('Key-with_punctuation!#%/+=').success).toBe(true)
  })

  it('the detectors', () => {
    expect(hasLoneSurrogate('😀')).toBe(false)
    expect(hasLoneSurrogate('😀'.slice(0, 1))).toBe(true)
    expect(hasControlChars('plain')).toBe(false)
  })
})
