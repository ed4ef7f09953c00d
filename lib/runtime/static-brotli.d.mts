// Types of lib/runtime/static-brotli.mjs.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BrotliOptions } from 'node:zlib'

export function brotliOptions(size: number): BrotliOptions

export function acceptsBrotli(header: string | string[] | undefined): boolean
export function staticBrotli(o: { dir: string; distDir?: string }): Promise<{
  serve(req: IncomingMessage, res: ServerResponse): boolean
  /** Settles when every static file has been compressed (or compression stopped on an error). */
  done: Promise<void>
  ready: Map<string, { br: Buffer; type: string; etag: string; lastModified: string }>
}>
/** Writes `<file>.br` for every static file under `root` that has none newer than itself. */
export function compressStaticFiles(root: string): Promise<void>
