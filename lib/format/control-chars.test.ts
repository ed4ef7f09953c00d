import { describe, expect, it } from 'vitest'
import { escapeControlChars } from './control-chars'

describe('escapeControlChars', () => {
  it('turns line breaks and other controls into visible escapes, so one text stays one line', () => {
    expect(escapeControlChars('ok\r\nSet-Cookie: x=1')).toBe('ok\\r\\nSet-Cookie: x=1')
    expect(escapeControlChars('\u001b[31mred\u0000\u0085\u2028')).toBe('\\u001b[31mred\\u0000\\u0085\\u2028')
    expect(escapeControlChars('tab\there')).toBe('tab\\there')
  })
  it('leaves ordinary text alone, non-ASCII included', () => {
    expect(escapeControlChars('Sauvegarde terminée — 100 % ✓')).toBe('Sauvegarde terminée — 100 % ✓')
  })
})
