// Every recorded exchange of every fixture through the client's own response handling.
import { describe, expect, it } from 'vitest'
import { AkeebaError, type AkeebaErrorKind } from './types'
import { interpretResponse, toAkeebaMethod } from './interpret-response'
import { interpretDirectError } from './direct-download'
import { isBinarySummary, loadFixtures, untruncate, type FixtureExchange } from './fixtures.test-helper'

type Outcome = { ok: true; data: unknown } | { ok: false; err: AkeebaError }

function run(fn: () => { data: unknown }): Outcome {
  try {
    return { ok: true, data: fn().data }
  } catch (err) {
    if (!(err instanceof AkeebaError)) throw err
    return { ok: false, err }
  }
}

/** The test's own reading of the recorded answer, written independently of the code under test. */
function expected(
  method: string,
  httpStatus: number,
  body: string,
): { ok: true } | { kind: AkeebaErrorKind; text?: string } | { eof: true } {
  let env: { status: number; data: unknown } | null = null
  try {
    const v = JSON.parse(body)
    if (v && typeof v === 'object' && 'status' in v && 'data' in v) env = v
  } catch {
    /* not JSON */
  }
  if (!env) return { kind: httpStatus === 200 ? 'unparsable' : 'http' }
  if (env.status === 200) return method === 'download' && env.data === '' ? { eof: true } : { ok: true }
  const text = typeof env.data === 'string' ? env.data.trim() : undefined
  if (env.status === 503) return { kind: 'auth' }
  if (env.status === 404)
    return method === 'download' && text === 'Invalid segment' ? { eof: true } : { kind: 'not_found', text }
  if (env.status === 405 || env.status === 501) return { kind: 'method_missing', text }
  if (env.status === 500 && (method === 'startBackup' || method === 'stepBackup')) return { kind: 'backup_error', text }
  return { kind: 'protocol', text }
}

function replay(ex: FixtureExchange): Outcome {
  const res = ex.response!
  const body = untruncate(res.body)
  if (ex.request.method === 'downloadDirect') {
    return run(() => interpretDirectError(res.httpStatus, res.httpReason ?? '', body))
  }
  // Unknown, empty or missing method names go through getVersion's path: their answer is a 405.
  const method = toAkeebaMethod(ex.request.method) ?? 'getVersion'
  return run(() => interpretResponse(method, res.httpStatus, body, { reason: res.httpReason }))
}

const files = loadFixtures()

describe('fixture replay', () => {
  it("finds both servers' fixtures", () => {
    expect(files.map((f) => f.dir)).toEqual(expect.arrayContaining(['akeeba-wp-9.1.1', 'akeeba-joomla']))
    expect(files.reduce((n, f) => n + f.exchanges.length, 0)).toBeGreaterThan(400)
  })

  for (const f of files) {
    it(`${f.dir}/${f.file}: every exchange gives the expected result or error kind`, () => {
      for (const [i, ex] of f.exchanges.entries()) {
        const where = `${f.file} #${i} ${ex.label ?? ''}`
        if (!ex.response) {
          // A lost response (files 09 and 08): there is nothing to interpret; the client reports it as
          // 'timeout' or 'transport' (see client-http.test.ts).
          expect(ex.clientError, where).toBeTruthy()
          continue
        }
        if (ex.request.method === 'downloadDirect' && isBinarySummary(ex.response.body)) {
          expect(ex.response.httpStatus, where).toBe(200) // streamed file; covered over real HTTP
          continue
        }
        const method = toAkeebaMethod(ex.request.method) ?? ex.request.method ?? ''
        const want =
          ex.request.method === 'downloadDirect'
            ? { kind: 'not_found' as const, text: ex.response.httpReason }
            : expected(method, ex.response.httpStatus, untruncate(ex.response.body))
        const got = replay(ex)
        if ('ok' in want || 'eof' in want) {
          expect(got.ok ? 'ok' : `${got.err.kind}: ${got.err.message}`, where).toBe('ok')
          if ('eof' in want && got.ok) expect((got.data as { eof: boolean }).eof, where).toBe(true)
          continue
        }
        expect(got.ok ? 'ok' : got.err.kind, where).toBe(want.kind)
        if (!got.ok && want.text) expect(got.err.message, where).toContain(want.text)
        if (!got.ok) expect(got.err.raw, where).not.toBeNull()
      }
    })
  }
})
