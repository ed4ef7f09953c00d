import { describe, expect, it } from 'vitest'
import { readCapped } from './read-capped'

function stream(chunks: number, size: number) {
  let sent = 0
  return {
    get sent() {
      return sent
    },
    body: new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent === chunks) return c.close()
        sent++
        c.enqueue(new Uint8Array(size).fill(120))
      },
    }),
  }
}

describe('readCapped', () => {
  it('returns the bytes up to the cap', async () => {
    const r = await readCapped(stream(4, 16).body, 64)
    expect(r.tooLarge).toBe(false)
    if (!r.tooLarge) expect(r.bytes.byteLength).toBe(64)
    expect(await readCapped(null, 64)).toEqual({ tooLarge: false, bytes: new Uint8Array(0) })
  })

  it('stops reading an endless body once past the cap', async () => {
    const s = stream(Infinity, 1000)
    expect(await readCapped(s.body, 64 * 1024)).toEqual({ tooLarge: true })
    expect(s.sent).toBeLessThan(70)
  })
})
