import { describe, expect, it } from 'vitest'
import { MAX_BULK_ROWS, addressKey, parseBulkCsv, splitCsv, splitTags, CSV_TEMPLATE } from './bulk-import'

const KEY = 'Secret-word-0123456789'

describe('splitCsv', () => {
  it('splits plain and quoted fields, doubled quotes, commas and line breaks inside quotes', () => {
    const { records, unclosedQuoteLine } = splitCsv('a,"b, c","say ""hi"""\r\n"multi\nline",x\n', ',')
    expect(unclosedQuoteLine).toBeNull()
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b, c', 'say "hi"'] },
      { line: 2, cells: ['multi\nline', 'x'] },
    ])
  })
  it('counts lines across quoted line breaks and lone CRs', () => {
    const { records } = splitCsv('"a\nb",1\rc,2\nd,3', ',')
    expect(records.map((r) => r.line)).toEqual([1, 3, 4])
  })
  it('reports a quote that never closes', () => {
    expect(splitCsv('a,"b\nc,d\n', ',').unclosedQuoteLine).toBe(1)
  })
  it('keeps a quote in the middle of a field as text', () => {
    expect(splitCsv('O"Brien,x', ',').records[0].cells).toEqual(['O"Brien', 'x'])
  })
})

describe('splitTags', () => {
  it('takes ; | and , with trimming and no duplicates', () => {
    expect(splitTags(' client-a ; shop| shop ,blog ;; ')).toEqual(['client-a', 'shop', 'blog'])
    expect(splitTags('')).toEqual([])
  })
})

describe('parseBulkCsv', () => {
  it('reads rows without a header in the order name,url,key,tags', () => {
    const r = parseBulkCsv(`Shop,https://shop.example.com/,${KEY},client-a;shop\nBlog,blog.example.com,${KEY},`)
    expect(r.header).toBe(false)
    expect(r.fileProblems).toEqual([])
    expect(r.rows).toEqual([
      { line: 1, name: 'Shop', url: 'https://shop.example.com/', key: KEY, tags: ['client-a', 'shop'], problems: [] },
      { line: 2, name: 'Blog', url: 'blog.example.com', key: KEY, tags: [], problems: [] },
    ])
  })
  it('takes a header in any order and any case, with a BOM and CRLF', () => {
    const r = parseBulkCsv(
      `\ufeffURL;x,Tags,Secret Word,Name\r\nhttps://a.example/,"x|y",${KEY},A\r\n`.replace(';x', ''),
    )
    expect(r.header).toBe(true)
    expect(r.rows).toEqual([
      { line: 2, name: 'A', url: 'https://a.example/', key: KEY, tags: ['x', 'y'], problems: [] },
    ])
  })
  it('accepts a tab-separated paste from a spreadsheet', () => {
    const r = parseBulkCsv(`name\turl\tkey\ttags\nA\thttps://a.example/\t${KEY}\tc1;c2`)
    expect(r.rows[0]).toMatchObject({ name: 'A', url: 'https://a.example/', tags: ['c1', 'c2'], problems: [] })
  })
  it('skips blank lines and # comments; an empty name is allowed (the site title fills it)', () => {
    const r = parseBulkCsv(`# my clients\n\n  \n,https://a.example/,${KEY}\n`)
    expect(r.rows).toHaveLength(1)
    expect(r.rows[0]).toMatchObject({ line: 4, name: '', problems: [] })
  })
  it('names what is wrong with a row', () => {
    const r = parseBulkCsv(
      [
        `A,,${KEY}`,
        `B,https://b.example/,short`,
        `C,ftp://c.example/,${KEY}`,
        `D,https://user:pw@d.example/,${KEY}`,
        `E,https://e.example/,${KEY},tags,extra,columns`,
        `F,not a url,${KEY}`,
        `G,https://www.B.example,${KEY}`,
        `${'n'.repeat(121)},https://h.example/,${KEY}`,
      ].join('\n'),
    )
    const byName = Object.fromEntries(r.rows.map((x) => [x.name.slice(0, 1), x.problems]))
    expect(byName.A).toEqual([{ field: 'url', message: 'The address is missing.' }])
    expect(byName.B[0].field).toBe('key')
    expect(byName.C[0]).toMatchObject({ field: 'url', message: 'Use an http:// or https:// address.' })
    expect(byName.D[0].message).toMatch(/user name and password/)
    expect(byName.E[0]).toMatchObject({ field: 'row' })
    expect(byName.E[0].message).toMatch(/double quotes/)
    expect(byName.F[0].message).toMatch(/spaces/)
    expect(byName.G).toEqual([{ field: 'url', message: 'The same address as line 2.' }])
    expect(byName.n[0].field).toBe('name')
  })
  it('refuses keys with line breaks inside quotes and too many tags', () => {
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`).join(';')
    const r = parseBulkCsv(`A,https://a.example/,"${KEY}\n${KEY}"\nB,https://b.example/,${KEY},${tags}`)
    expect(r.rows[0].problems[0]).toMatchObject({ field: 'key' })
    expect(r.rows[1].problems[0]).toMatchObject({ field: 'tags', message: 'At most 20 tags.' })
  })
  it('caps the number of rows and says so', () => {
    const lines = Array.from({ length: MAX_BULK_ROWS + 5 }, (_, i) => `S${i},https://s${i}.example/,${KEY}`)
    const r = parseBulkCsv(lines.join('\n'))
    expect(r.rows).toHaveLength(MAX_BULK_ROWS)
    expect(r.fileProblems[0]).toMatch(/205 rows/)
  })
  it('says when the header has no url column', () => {
    const r = parseBulkCsv(`name,key,tags\nA,${KEY},x`)
    expect(r.fileProblems[0]).toMatch(/no "url" column/)
    expect(r.rows).toHaveLength(1)
  })
  it('says when a quote is never closed', () => {
    expect(parseBulkCsv(`A,"https://a.example/,${KEY}\nB,x,y`).fileProblems[0]).toMatch(/line 1 is never closed/)
  })
  it('survives garbage: binary, only commas, only quotes', () => {
    for (const junk of ['\u0000\u0001\u0002', ',,,,\n,,,', '"""""', '\ufeff', '']) {
      const r = parseBulkCsv(junk)
      for (const row of r.rows) expect(row.problems.length).toBeGreaterThan(0)
    }
  })
  it('the template parses cleanly apart from its placeholder keys', () => {
    const r = parseBulkCsv(CSV_TEMPLATE)
    expect(r.header).toBe(true)
    expect(r.rows).toHaveLength(2)
    expect(r.rows[1].tags).toEqual(['client-b', 'blog'])
    expect(r.rows.every((x) => x.problems.length === 0)).toBe(true)
  })
})

describe('addressKey', () => {
  it('treats www., case, trailing slash and index.php as the same site', () => {
    expect(addressKey('https://WWW.Example.com/shop/')).toBe(addressKey('example.com/shop/index.php'))
    expect(addressKey('https://example.com/')).not.toBe(addressKey('https://example.com/shop'))
  })
})
