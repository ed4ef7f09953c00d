// One `download` answer: base64 bytes inside the JSON envelope (akeeba-protocol.md §4 download).
import { AkeebaError, type RawExchange } from './types'

export interface DownloadChunk {
  bytes: Buffer
  /** True when the server said there is nothing more: data "" or 404 "Invalid segment". */
  eof: boolean
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export function decodeChunk(data: unknown, raw: RawExchange): DownloadChunk {
  if (typeof data !== 'string') {
    throw new AkeebaError('protocol', "The site's download answer is not a base64 string", { envelopeStatus: 200, raw })
  }
  // A segment starting exactly at EOF answers "" (akeeba-wp-9.1.1/05 exchange 14).
  if (data === '') return { bytes: Buffer.alloc(0), eof: true }
  const clean = data.replace(/\s+/g, '')
  // Buffer.from silently skips bad characters; a corrupted chunk must fail, not corrupt the archive.
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) {
    throw new AkeebaError('protocol', "The site's download answer is not valid base64", { envelopeStatus: 200, raw })
  }
  return { bytes: Buffer.from(clean, 'base64'), eof: false }
}
