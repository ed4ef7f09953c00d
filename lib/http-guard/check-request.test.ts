import { describe, expect, it } from 'vitest'
import { allowedHostsFrom } from './allowed-hosts'
import { checkRequest, isApiPath, isJsonContentType } from './check-request'

const allowedHosts = allowedHostsFrom({ publicUrl: 'https://backups.agency.example', listenHost: '127.0.0.1' })

function check(method: string, pathname: string, headers: Record<string, string>) {
  return checkRequest({ method, pathname, headers: new Headers({ host: '127.0.0.1:3000', ...headers }), allowedHosts })
}
const json = { 'content-type': 'application/json', 'content-length': '20' }

describe('checkRequest', () => {
  it('passes GETs and same-origin JSON changes', () => {
    expect(check('GET', '/', {}).ok).toBe(true)
    expect(check('GET', '/api/sites', { 'sec-fetch-site': 'cross-site' }).ok).toBe(true)
    expect(
      check('POST', '/api/sites', { ...json, origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }),
    ).toMatchObject({ ok: true, hasBody: true, contentLength: 20 })
    expect(check('POST', '/api/sites', { ...json, origin: 'https://backups.agency.example' }).ok).toBe(true)
  })

  it('passes scripts: no Origin, no Sec-Fetch-Site', () => {
    expect(check('DELETE', '/api/sites/s1', { authorization: 'Bearer x' }).ok).toBe(true)
    expect(check('POST', '/api/auth/sign-in/email', json).ok).toBe(true)
  })

  it('421 for a foreign or missing Host, on pages and the API alike', () => {
    expect(check('GET', '/', { host: 'evil.example' })).toMatchObject({ ok: false, status: 421 })
    expect(check('GET', '/api/health', { host: 'evil.example:3000' })).toMatchObject({
      ok: false,
      status: 421,
      code: 'misdirected_request',
    })
    const noHost = checkRequest({ method: 'GET', pathname: '/', headers: new Headers(), allowedHosts })
    expect(noHost).toMatchObject({ ok: false, status: 421 })
  })

  it('403 for a cross-origin form POST', () => {
    const v = check('POST', '/api/sites', {
      origin: 'http://evil.example',
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': '10',
    })
    expect(v).toMatchObject({ ok: false, status: 403, code: 'forbidden' })
  })

  it('403 by Sec-Fetch-Site: cross-site always, same-site unless the Origin is ours', () => {
    expect(check('PATCH', '/api/sites/1', { ...json, 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403 })
    expect(check('PUT', '/api/x', { ...json, 'sec-fetch-site': 'same-site' })).toMatchObject({ status: 403 })
    const sameSite = { ...json, 'sec-fetch-site': 'same-site' }
    expect(check('POST', '/api/x', { ...sameSite, origin: 'http://127.0.0.1:4000' })).toMatchObject({ status: 403 })
    expect(check('POST', '/api/x', { ...json, origin: 'null' })).toMatchObject({ status: 403 })
  })

  it('also covers /api/auth and API paths written differently', () => {
    const foreign = { ...json, origin: 'http://evil.example' }
    for (const p of ['/api/auth/sign-in/email', '/%61pi/sites', '//api/sites', '/API/sites']) {
      expect(check('POST', p, foreign)).toMatchObject({ status: 403 })
    }
  })

  it('415 for a body that is not JSON, even without Origin', () => {
    const plain = { 'content-type': 'text/plain', 'content-length': '5' }
    expect(check('POST', '/api/sites', plain)).toMatchObject({ status: 415, code: 'unsupported_media_type' })
    expect(check('POST', '/api/sites', { 'content-length': '5' })).toMatchObject({ status: 415 })
    expect(check('POST', '/api/sites', { 'transfer-encoding': 'chunked' })).toMatchObject({ status: 415 })
    expect(check('POST', '/api/sites', { ...json, 'content-type': 'application/json; charset=utf-8' }).ok).toBe(true)
  })

  it('no body needs no content type', () => {
    expect(check('POST', '/api/runs/r1/cancel', {}).ok).toBe(true)
    expect(check('POST', '/api/runs/r1/cancel', { 'content-type': 'text/plain', 'content-length': '0' })).toMatchObject(
      { ok: true, hasBody: false },
    )
  })

  it('413 when Content-Length is over 64 KB, anywhere; 64 KB itself passes', () => {
    expect(check('POST', '/api/sites', { ...json, 'content-length': String(1024 * 1024) })).toMatchObject({
      status: 413,
      code: 'payload_too_large',
    })
    expect(check('POST', '/', { 'content-length': '65537' })).toMatchObject({ status: 413 })
    expect(check('POST', '/api/sites', { ...json, 'content-length': '65536' }).ok).toBe(true)
    expect(check('POST', '/api/sites', { ...json, 'content-length': 'lots' })).toMatchObject({ status: 400 })
  })

  it('reports a chunked body as a body of unknown length', () => {
    const v = check('POST', '/api/sites', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' })
    expect(v).toMatchObject({ ok: true, hasBody: true, contentLength: null })
  })
})

describe('helpers', () => {
  it('isApiPath', () => {
    expect(isApiPath('/api')).toBe(true)
    expect(isApiPath('/apis')).toBe(false)
    expect(isApiPath('/sites')).toBe(false)
  })

  it('isJsonContentType', () => {
    expect(isJsonContentType('Application/JSON;charset=UTF-8')).toBe(true)
    expect(isJsonContentType('application/json-patch+json')).toBe(false)
    expect(isJsonContentType(null)).toBe(false)
  })
})
