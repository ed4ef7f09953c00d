// Reads a body stream while counting: past the cap it stops and cancels the stream, so an oversized
// (or endless chunked) body costs at most the cap in memory.

export type CappedRead = { tooLarge: false; bytes: Uint8Array } | { tooLarge: true }

export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<CappedRead> {
  if (!body) return { tooLarge: false, bytes: new Uint8Array(0) }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      return { tooLarge: true }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.byteLength
  }
  return { tooLarge: false, bytes }
}
