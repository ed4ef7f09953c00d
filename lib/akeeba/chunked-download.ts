// The chunked `download` method: base64 segments of 1 MiB inside JSON. Only chunk_size=1 gives
// contiguous data whatever the docs say (akeeba-wp-9.1.1 README §10; akeeba-joomla/07 exchange 35),
// and the end is data "" (segment starting at EOF) or 404 "Invalid segment".
import type { ApiResult } from './types'
import type { DownloadChunk } from './download-chunk'

/** 1 TiB of 1 MiB segments: a server that ignores `segment` must not loop forever. */
const MAX_SEGMENTS = 1024 * 1024

export async function* downloadSegments(
  fetchSegment: (segment: number) => Promise<ApiResult<DownloadChunk>>,
  fromSegment = 1,
): AsyncGenerator<Buffer, void, undefined> {
  for (let segment = Math.max(1, fromSegment); segment < MAX_SEGMENTS; segment++) {
    const { data } = await fetchSegment(segment)
    if (data.eof) return
    yield data.bytes
  }
}
