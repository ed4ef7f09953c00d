// Real, deterministic archive bytes generated on the fly: nothing is held in memory, any range can
// be read, and the same seed + record always gives the same bytes. The first physical piece starts
// with a JPA (or JPS/ZIP) header, or SQL text for db-only dumps, like the real files (fixture wp/05:
// ".j01 begins with the 'JPA' signature").
import { mix32 } from './rng'

const BLOCK = 65536

export interface ArchiveSource {
  /** Seed for this archive's bytes (site seed mixed with the record id). */
  seed: number
  /** Total size of the archive set (all physical pieces). */
  size: number
  kind: 'jpa' | 'jps' | 'zip' | 'sql'
  /** Number of physical pieces (1 = single file). */
  pieces: number
}

function headerBytes(src: ArchiveSource): Buffer {
  if (src.kind === 'sql') {
    return Buffer.from(
      'DROP TABLE IF EXISTS `wp_term_taxonomy`;\nCREATE TABLE `wp_term_taxonomy` (\n  `term_taxonomy_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n',
      'latin1',
    )
  }
  if (src.kind === 'zip') return Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])
  const spanned = src.pieces > 1
  const len = spanned ? 27 : 19
  const h = Buffer.alloc(len)
  h.write(src.kind === 'jps' ? 'JPS' : 'JPA', 0, 'latin1')
  h.writeUInt16LE(len, 3)
  h[5] = 1 // major
  h[6] = 3 // minor
  h.writeUInt32LE(5000 + (src.seed % 1000), 7) // entity count
  h.writeUInt32LE(Math.min(0xffffffff, src.size * 2), 11) // uncompressed size
  h.writeUInt32LE(Math.min(0xffffffff, src.size), 15) // compressed size
  if (spanned) {
    h.write('JP\x01\x01', 19, 'latin1')
    h.writeUInt16LE(4, 23)
    h.writeUInt16LE(src.pieces, 25)
  }
  return h
}

function fillBlock(seed: number, block: number, sql: boolean): Buffer {
  const words = new Uint32Array(BLOCK / 4)
  let s = mix32(seed, block) || 1
  for (let i = 0; i < words.length; i++) {
    // xorshift32
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    words[i] = s >>> 0
  }
  const buf = Buffer.from(words.buffer)
  if (sql) {
    for (let i = 0; i < buf.length; i++) buf[i] = i % 80 === 79 ? 10 : 32 + (buf[i] % 95)
  }
  return buf
}

/** Bytes [offset, offset+length) of the archive set's physical stream. */
export function readArchive(src: ArchiveSource, offset: number, length: number): Buffer {
  const end = Math.min(src.size, offset + length)
  if (end <= offset) return Buffer.alloc(0)
  const out = Buffer.allocUnsafe(end - offset)
  const sql = src.kind === 'sql'
  let pos = offset
  while (pos < end) {
    const block = Math.floor(pos / BLOCK)
    const inBlock = pos - block * BLOCK
    const n = Math.min(BLOCK - inBlock, end - pos)
    fillBlock(src.seed, block, sql).copy(out, pos - offset, inBlock, inBlock + n)
    pos += n
  }
  const header = headerBytes(src)
  if (offset < header.length) header.copy(out, 0, offset, Math.min(header.length, end))
  return out
}
