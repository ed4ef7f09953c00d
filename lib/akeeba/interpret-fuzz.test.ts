// Thousands of mutated real bodies through interpretResponse: only AkeebaError or a valid result.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { AkeebaError } from './types'
import { AKEEBA_METHODS, interpretResponse } from './interpret-response'
import { interpretDirectError } from './direct-download'
import { loadFixtures, untruncate } from './fixtures.test-helper'

const bodies = [
  ...new Set(
    loadFixtures().flatMap((f) => f.exchanges.flatMap((e) => (e.response ? [untruncate(e.response.body)] : []))),
  ),
]

const mutated = fc.oneof(
  fc.constantFrom(...bodies),
  fc.tuple(fc.constantFrom(...bodies), fc.nat()).map(([b, n]) => b.slice(0, n % (b.length + 1))),
  fc.tuple(fc.constantFrom(...bodies), fc.nat()).map(([b, n]) => b.slice(n % (b.length + 1))),
  fc.tuple(fc.string(), fc.constantFrom(...bodies), fc.string()).map(([p, b, s]) => p + b + s),
  fc.constantFrom(...bodies).map((b) => '\uFEFF' + b),
  fc.tuple(fc.constantFrom(...bodies), fc.nat(), fc.string({ minLength: 1, maxLength: 4 })).map(([b, n, s]) => {
    const i = n % (b.length + 1)
    return b.slice(0, i) + s + b.slice(i + 1)
  }),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a).toString('utf8')),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.tuple(fc.integer({ min: -1, max: 600 }), fc.jsonValue()).map(([status, data]) => JSON.stringify({ status, data })),
  fc
    .tuple(fc.integer({ min: 0, max: 600 }), fc.jsonValue())
    .map(
      ([status, data]) => `###${JSON.stringify({ encapsulation: 1, body: { status, data: JSON.stringify(data) } })}###`,
    ),
)

describe('interpretResponse fuzz', () => {
  it('throws nothing but AkeebaError, for every method', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AKEEBA_METHODS),
        fc.constantFrom(200, 200, 200, 403, 404, 500, 502),
        mutated,
        (method, http, body) => {
          try {
            const result = interpretResponse(method, http, body)
            expect(result.raw.httpStatus).toBe(http)
          } catch (e) {
            if (!(e instanceof AkeebaError)) throw e
            expect(e.raw).not.toBeNull()
            expect(e.raw!.body.length).toBeLessThanOrEqual(16 * 1024)
          }
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('downloadDirect error handling throws only AkeebaError', () => {
    fc.assert(
      fc.property(fc.constantFrom(200, 403, 500), fc.string(), mutated, (http, reason, body) => {
        try {
          interpretDirectError(http, reason, body)
        } catch (e) {
          if (!(e instanceof AkeebaError)) throw e
          return
        }
        throw new Error('interpretDirectError returned')
      }),
      { numRuns: 2000 },
    )
  })
})
