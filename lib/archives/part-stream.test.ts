import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { partBytes, SizeMismatchError, toWebStream, type PartSource } from './part-stream'

const MiB = 1024 * 1024
const file = Buffer.from(Array.from({ length: 3 * MiB + 12345 }, (_, i) => (i * 31) % 251))

/** downloadDirect sends `cut` bytes in 100 KB pieces and then fails (or ends cleanly); download serves 1 MiB segments. */
function source(
  o: { cut?: number; directFails?: boolean; cleanEnd?: boolean } = {},
): PartSource & { segments: number[] } {
  const segments: number[] = []
  return {
    segments,
    async downloadDirect() {
      if (o.directFails) throw new Error('HTTP 500 Invalid backup part')
      const cut = o.cut ?? file.length
      async function* gen() {
        for (let p = 0; p < cut; p += 100_000) yield file.subarray(p, Math.min(cut, p + 100_000))
        if (cut < file.length && !o.cleanEnd) throw new Error('socket hang up')
      }
      return { stream: Readable.from(gen()), size: file.length }
    },
    async *download(_id, _part, opts) {
      for (let s = opts?.fromSegment ?? 1; (s - 1) * MiB < file.length; s++) {
        segments.push(s)
        yield file.subarray((s - 1) * MiB, s * MiB)
      }
    },
  }
}

async function collect(src: PartSource, expectedSize = file.length) {
  const out: Buffer[] = []
  let via = ''
  for await (const b of partBytes(src, { remoteId: 1, part: 1, expectedSize, onDone: (d) => (via = d.via) }))
    out.push(b)
  return { bytes: Buffer.concat(out), via }
}

describe('partBytes', () => {
  it('resumes a download from a byte (a Range request) with the chunked method, counting the rest', async () => {
    const src = source()
    const out: Buffer[] = []
    const startAt = 2 * MiB + 777
    for await (const b of partBytes(src, { remoteId: 1, part: 1, expectedSize: file.length, startAt })) out.push(b)
    expect(Buffer.concat(out).equals(file.subarray(startAt))).toBe(true)
    expect(src.segments).toEqual([3, 4])
  })
  it('passes downloadDirect through untouched', async () => {
    const r = await collect(source())
    expect(r.bytes.equals(file)).toBe(true)
    expect(r.via).toBe('direct')
  })
  it('falls back to chunked when downloadDirect fails at once', async () => {
    const src = source({ directFails: true })
    const r = await collect(src)
    expect(r.bytes.equals(file)).toBe(true)
    expect(r.via).toBe('chunked')
    expect(src.segments).toEqual([1, 2, 3, 4])
  })
  it('resumes mid-segment when downloadDirect dies half way', async () => {
    const src = source({ cut: 1_700_000 })
    const r = await collect(src)
    expect(r.bytes.equals(file)).toBe(true)
    expect(src.segments[0]).toBe(2) // 1_700_000 lies in the second MiB
  })
  it('continues after a clean but early end', async () => {
    const r = await collect(source({ cut: 2 * MiB, cleanEnd: true }))
    expect(r.bytes.equals(file)).toBe(true)
  })
  it('rejects a file longer or shorter than reported', async () => {
    await expect(collect(source(), file.length - 1)).rejects.toBeInstanceOf(SizeMismatchError)
    await expect(collect(source(), file.length + 1)).rejects.toMatchObject({ tooLong: false })
  })
})

describe('toWebStream', () => {
  it('a client that leaves mid-download ends it quietly: no error reported, no "controller already closed"', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => (release = r))
    async function* slow() {
      yield Buffer.from('first')
      await gate
      throw new Error('aborted by cancel')
    }
    const errors: unknown[] = []
    let cancels = 0
    const stream = toWebStream(
      slow(),
      (e) => errors.push(e),
      () => {
        cancels++
        release()
      },
    )
    const reader = stream.getReader()
    expect((await reader.read()).value).toBeDefined()
    const pending = reader.read().catch(() => undefined)
    await reader.cancel()
    await pending
    await new Promise((r) => setTimeout(r, 10))
    expect(cancels).toBe(1)
    expect(errors).toEqual([])
  })
})
