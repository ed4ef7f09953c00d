import { describe, expect, it } from 'vitest'
import { keyForms, redactKey } from './redact'

const KEY = 'Echo/Key+Secret=9ü"x\\\\y'

describe('redactKey: the key in any form it may come back in', () => {
  it.each([
    ['raw', KEY],
    ['URL-encoded', encodeURIComponent(KEY)],
    ['form-encoded', encodeURIComponent('a b' + KEY).replace(/%20/g, '+')],
    ['JSON-escaped (JavaScript)', JSON.stringify(KEY).slice(1, -1)],
    [
      'JSON-escaped (PHP: \\/ and \\u00fc)',
      JSON.stringify(KEY).slice(1, -1).replace(/\//g, '\\/').replace('ü', '\\u00fc'),
    ],
    ['base64', Buffer.from(KEY).toString('base64')],
    ['base64url', Buffer.from(KEY).toString('base64url')],
  ])('%s', (_name, form) => {
    const text = `{"data":"echo: ${form} end"}`
    expect(redactKey(text, KEY)).not.toContain(form.replace(/^a\+b/, ''))
    expect(redactKey(text, KEY)).toContain('[redacted]')
  })

  it('the real case: PHP echoed a key with slashes escaped', () => {
    const key = 'Echo/Key+0123456789abc'
    expect(redactKey('{"status":200,"data":"Echo\\/Key+0123456789abc"}', key)).toBe(
      '{"status":200,"data":"[redacted]"}',
    )
  })

  it('leaves text without the key alone and lists distinct forms, longest first', () => {
    expect(redactKey('nothing here', KEY)).toBe('nothing here')
    const forms = keyForms(KEY)
    expect(new Set(forms).size).toBe(forms.length)
    expect(forms.map((f) => f.length)).toEqual([...forms.map((f) => f.length)].sort((a, b) => b - a))
  })
})
