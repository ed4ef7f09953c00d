import { describe, expect, it } from 'vitest'
import { AkeebaError } from './types'
import { parseEnvelope } from './parse-envelope'
import { makeRaw } from './redact'

const ENV = '{"status":200,"data":{"api":400,"component":"9.1.1","date":"2025-12-11","edition":"pro"}}'
const parse = (body: string, http = 200) => parseEnvelope(http, body, makeRaw(http, body, 0))
const kindOf = (body: string, http = 200) => {
  try {
    parse(body, http)
    return 'ok'
  } catch (e) {
    expect(e).toBeInstanceOf(AkeebaError)
    return (e as AkeebaError).kind
  }
}

describe('parseEnvelope', () => {
  it('reads plain, BOM-prefixed and pretty-printed JSON', () => {
    expect(parse(ENV)).toEqual({ status: 200, data: expect.objectContaining({ api: 400 }) })
    expect(parse('\uFEFF' + ENV).status).toBe(200)
    expect(parse(JSON.stringify(JSON.parse(ENV), null, 4)).status).toBe(200)
  })

  it('skips PHP notices and HTML before the JSON, and junk after it', () => {
    const notice =
      '<br />\n<b>Deprecated</b>:  Creation of dynamic property {foo} in <b>/x.php</b> on line <b>12</b><br />\n'
    expect(parse(notice + ENV).data).toMatchObject({ api: 400 })
    expect(parse(ENV + '\n<!-- cache: {hit} -->').data).toMatchObject({ api: 400 })
    expect(parse(notice + ENV + 'Warning: {trailing}').data).toMatchObject({ api: 400 })
  })

  it('keeps braces inside strings and "###" inside v2 data intact', () => {
    const body = '{"status":500,"data":"A backup error has occurred: bad } brace ### here"}'
    expect(parse('junk {' + body).data).toBe('A backup error has occurred: bad } brace ### here')
    expect(parse(body).data).toMatch(/### here/)
  })

  it('unwraps v1 ### framing with double-encoded data', () => {
    const v1 = JSON.stringify({
      encapsulation: 1,
      body: { status: 200, data: JSON.stringify({ api: 330, component: '5.0' }) },
    })
    expect(parse(`Notice: x\n###${v1}###\n`)).toEqual({ status: 200, data: { api: 330, component: '5.0' } })
    const v1err = JSON.stringify({ encapsulation: 1, body: { status: 503, data: JSON.stringify('Access denied') } })
    expect(parse(`###${v1err}###`)).toEqual({ status: 503, data: 'Access denied' })
  })

  it('coerces a numeric-string status', () => {
    expect(parse('{"status":"404","data":"Invalid segment"}').status).toBe(404)
  })

  it('HTML page: unparsable on HTTP 200, http otherwise; empty body likewise', () => {
    const page = '<!DOCTYPE html><html><head><title>Log in ‹ Site</title></head><body>{}</body></html>'
    expect(kindOf(page)).toBe('unparsable')
    expect(kindOf(page, 403)).toBe('http')
    expect(kindOf('')).toBe('unparsable')
    expect(kindOf('', 502)).toBe('http')
    expect(kindOf(ENV.slice(0, 40))).toBe('unparsable')
    expect(kindOf('{"errors":[{"title":"Resource not found","code":404}]}', 404)).toBe('http')
    try {
      parse(page, 403)
    } catch (e) {
      expect((e as AkeebaError).message).toMatch(/HTTP 403 .*Log in ‹ Site/)
    }
  })

  it('stays fast on a hostile body full of braces', () => {
    const start = performance.now()
    expect(kindOf('{'.repeat(200_000) + '"x"' + '['.repeat(50_000))).toBe('unparsable')
    expect(performance.now() - start).toBeLessThan(2000)
  })
})
