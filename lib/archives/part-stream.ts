// The bytes of one archive part, from the site to our response, checked against the size the site
// reported. downloadDirect first (one raw stream); when it fails, before or during the transfer,
// the chunked `download` method carries on from the same byte (1 MiB segments — DESIGN.md fact 9).
// At most two chunks are held: the last one is released only once the count is right, so a short
// or long transfer never reaches the browser as a complete file.
import type { Readable } from 'node:stream'
import { AkeebaError } from '../akeeba/types'

const MiB = 1024 * 1024

export interface PartSource {
  downloadDirect(
    id: number,
    part: number,
    o?: { signal?: AbortSignal },
  ): Promise<{ stream: Readable; size: number | null }>
  download(id: number, part: number, o?: { signal?: AbortSignal; fromSegment?: number }): AsyncIterable<Buffer>
}

export interface PartLog {
  warn(obj: object, msg: string): void
}

export class SizeMismatchError extends Error {
  constructor(
    readonly expected: number,
    readonly received: number,
    readonly tooLong: boolean,
  ) {
    super(
      tooLong
        ? `The site sent more than the ${expected} bytes it reported for this part; the download was stopped.`
        : `The download ended after ${received} of ${expected} bytes.`,
    )
    this.name = 'SizeMismatchError'
  }
}

export interface PartStreamOptions {
  remoteId: number
  part: number
  /** The part's size from getBackupInfo. */
  expectedSize: number
  signal?: AbortSignal
  log?: PartLog
  /** Called once with the method that delivered the last byte (for logs and tests). */
  onDone?: (info: { via: 'direct' | 'chunked'; bytes: number }) => void
  /** Resume from this byte (a Range request): the chunked method from its segment, the rest counted. */
  startAt?: number
}

export async function* partBytes(src: PartSource, o: PartStreamOptions): AsyncGenerator<Buffer, void, undefined> {
  let sent = o.startAt ?? 0
  let held: Buffer | null = null
  let via: 'direct' | 'chunked' = sent > 0 ? 'chunked' : 'direct'
  const take = (b: Buffer): Buffer | null => {
    sent += b.length
    if (sent > o.expectedSize) throw new SizeMismatchError(o.expectedSize, sent, true)
    const out = held
    held = b
    return out
  }

  // A resumed transfer (startAt) goes straight to the chunked method, which can start at an offset.
  if (via === 'direct') {
    try {
      const d = await src.downloadDirect(o.remoteId, o.part, { signal: o.signal })
      for await (const chunk of d.stream as AsyncIterable<Buffer>) {
        if (chunk.length === 0) continue
        const out = take(chunk)
        if (out) yield out
      }
    } catch (e) {
      if (e instanceof SizeMismatchError || o.signal?.aborted) throw e
      o.log?.warn(
        {
          remoteId: o.remoteId,
          part: o.part,
          atByte: sent,
          err: e instanceof Error ? e.message : String(e),
          kind: e instanceof AkeebaError ? e.kind : null,
        },
        'downloadDirect failed; continuing with the chunked download',
      )
      via = 'chunked'
    }
  }

  if (sent < o.expectedSize) {
    if (via === 'direct')
      o.log?.warn(
        { remoteId: o.remoteId, part: o.part, atByte: sent, expected: o.expectedSize },
        'downloadDirect ended early; continuing with the chunked download',
      )
    via = 'chunked'
    let skip = sent % MiB
    for await (const seg of src.download(o.remoteId, o.part, {
      signal: o.signal,
      fromSegment: Math.floor(sent / MiB) + 1,
    })) {
      const chunk = skip ? seg.subarray(Math.min(skip, seg.length)) : seg
      skip = 0
      if (chunk.length === 0) continue
      const out = take(chunk)
      if (out) yield out
    }
  }

  if (sent !== o.expectedSize) throw new SizeMismatchError(o.expectedSize, sent, false)
  if (held) yield held
  o.onDone?.({ via, bytes: sent })
}

/** A web stream for a Response body, pulled one chunk at a time (backpressure reaches the site). */
export function toWebStream(
  it: AsyncGenerator<Buffer, void, undefined>,
  onError: (e: unknown) => void,
  onCancel: () => void,
  /** A result already pulled (to fail with a proper error before the response starts). */
  first?: IteratorResult<Buffer, void>,
): ReadableStream<Uint8Array> {
  let pending = first
  // Set when the client went away: a pull still waiting on the site then ends quietly (the stream is
  // already closed; erroring it would throw "Invalid state: Controller is already closed").
  let cancelled = false
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = pending ?? (await it.next())
          pending = undefined
          if (cancelled) return
          if (done) controller.close()
          else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
        } catch (e) {
          if (cancelled) return
          onError(e)
          // Erroring the body makes Next destroy the socket: the browser shows a failed download.
          controller.error(e)
        }
      },
      async cancel() {
        cancelled = true
        onCancel()
        await it.return(undefined).catch(() => undefined)
      },
    },
    { highWaterMark: 0 },
  )
}
