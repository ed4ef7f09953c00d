import { describe, expect, it } from 'vitest'
import { capLength, cleanTitleText, decodeEntities, extractTitle, nameFromHost, suggestName } from './site-title'
import { GATEWAY_502, WP_CRITICAL, joomlaErrorDoc, siteHomePage, wp404Page } from '../fake-site/html-pages'

const page = (title: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body></body></html>`

describe('extractTitle', () => {
  it('takes the home page title, entities decoded', () => {
    expect(extractTitle(page('Bäckerei M&uuml;ller &amp; S&ouml;hne'))).toBe('Bäckerei Müller & Söhne')
    expect(extractTitle(page('Caf&#233; &#x263A; Paris'))).toBe('Café ☺ Paris')
    expect(extractTitle(siteHomePage('wordpress', 'Demo Shop'))).toBe('Demo Shop')
    expect(extractTitle(siteHomePage('joomla', 'Joomla Club'))).toBe('Joomla Club')
  })
  it('ignores attributes and case of the tag, and whitespace and line breaks inside', () => {
    expect(extractTitle('<HEAD><TITLE lang="de">\n   Alpen\n\t Hotel  </TITLE>')).toBe('Alpen Hotel')
  })
  it('drops a "Home" segment but keeps the owner\'s tagline', () => {
    expect(extractTitle(page('Home - Bakery Müller'))).toBe('Bakery Müller')
    expect(extractTitle(page('Bakery Müller | Home'))).toBe('Bakery Müller')
    expect(extractTitle(page('Bakery Müller &#8211; Fresh bread daily'))).toBe('Bakery Müller – Fresh bread daily')
    expect(extractTitle(page('Smart-Home'))).toBe('Smart-Home')
  })
  it('returns null for no title, an empty one, or punctuation only', () => {
    expect(extractTitle('<html><body>hello</body></html>')).toBeNull()
    expect(extractTitle(page(''))).toBeNull()
    expect(extractTitle(page('   \n  '))).toBeNull()
    expect(extractTitle(page('&nbsp;-|-&nbsp;'))).toBeNull()
    expect(extractTitle('<title>never closed')).toBeNull()
  })
  it('refuses titles of error, challenge and default pages', () => {
    expect(extractTitle(WP_CRITICAL)).toBeNull()
    expect(extractTitle(GATEWAY_502)).toBeNull()
    expect(extractTitle(joomlaErrorDoc(404))).toBeNull()
    expect(extractTitle(wp404Page())).toBeNull()
    for (const t of [
      'Just a moment...',
      'Attention Required! | Cloudflare',
      'Index of /',
      'Welcome to nginx!',
      'Log In ‹ Site — WordPress',
      'Home',
      '403 Forbidden',
    ])
      expect(extractTitle(page(t)), t).toBeNull()
  })
  it('strips markup, scripts and entity-encoded markup (the title is hostile text)', () => {
    expect(extractTitle(page('<script>alert(1)</script>Shop'))).toBe('alert(1) Shop')
    expect(extractTitle(page('&lt;img src=x onerror=alert(1)&gt;Shop'))).toBe('Shop')
    expect(extractTitle(page('<b>Bold</b> &lt;i&gt;name'))).toBe('Bold name')
    // Decoded once only, as a browser shows it.
    expect(extractTitle(page('A &amp;lt; B'))).toBe('A &lt; B')
  })
  it('removes control, zero-width and bidi-override characters', () => {
    expect(extractTitle(page('Evil\u202eexe.txt'))).toBe('Evilexe.txt')
    expect(extractTitle(page('Zero\u200bWidth\u0000\u0007Shop'))).toBe('ZeroWidthShop')
    expect(extractTitle(page('Nul &#0; and &#xD800; and &#99999999; gone'))).toBe('Nul and and gone')
    expect(extractTitle(page('Line\u2028Sep\u0085Next'))).toBe('Line SepNext')
    expect(extractTitle(page('\ufeff\ufeffBOM'))).toBe('BOM')
  })
  it('caps the length at a word boundary without splitting emoji', () => {
    const long = 'Word '.repeat(100)
    const t = extractTitle(page(long))!
    expect(Array.from(t).length).toBeLessThanOrEqual(80)
    expect(t.endsWith('Word…')).toBe(true)
    const emoji = extractTitle(page('Shop' + '😀'.repeat(200)))!
    expect(Array.from(emoji).length).toBe(80)
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
  it('only looks at the first 256 KB and survives garbage', () => {
    expect(extractTitle('x'.repeat(300 * 1024) + '<title>Late</title>')).toBeNull()
    expect(extractTitle('\u0000\u0001<title>\u0000</title>')).toBeNull()
    expect(extractTitle(String.fromCharCode(...Array.from({ length: 500 }, (_, i) => i)))).toBeNull()
  })
})

describe('helpers', () => {
  it('decodes named, decimal and hex references; leaves unknown ones', () => {
    expect(decodeEntities('&lt;&gt;&quot;&#39;&#x41;&bogus;&')).toBe('<>"\'A&bogus;&')
  })
  it('cleans text to one line', () => {
    expect(cleanTitleText(' a\n\tb  c ')).toBe('a b c')
  })
  it('caps', () => {
    expect(capLength('short')).toBe('short')
    expect(capLength('abcdefghij', 5)).toBe('abcd…')
  })
})

describe('nameFromHost', () => {
  it('uses the host without www and without a port', () => {
    expect(nameFromHost('https://www.bakery.de/')).toBe('bakery.de')
    expect(nameFromHost('https://example.com:8443/')).toBe('example.com')
    expect(nameFromHost('example.com')).toBe('example.com')
  })
  it('keeps a sub-folder site apart from the root one, not the admin paths', () => {
    expect(nameFromHost('https://www.bakery.de/shop/')).toBe('bakery.de/shop')
    expect(nameFromHost('https://bakery.de/shop/wp-admin/admin-ajax.php?action=akeebabackup_api')).toBe(
      'bakery.de/shop',
    )
    expect(nameFromHost('https://bakery.de/index.php?option=com_akeebabackup&view=api')).toBe('bakery.de')
  })
  it('keeps the port only for a bare IP or localhost with nothing else', () => {
    expect(nameFromHost('http://127.0.0.1:8080/')).toBe('127.0.0.1:8080')
    expect(nameFromHost('http://127.0.0.1:8080/s/wp1/')).toBe('127.0.0.1/s/wp1')
  })
  it('is empty for garbage', () => {
    expect(nameFromHost('http://')).toBe('')
  })
  it('suggestName prefers the title', () => {
    expect(suggestName('https://a.example/', 'A Shop')).toBe('A Shop')
    expect(suggestName('https://www.a.example:444/', null)).toBe('a.example')
  })
})
