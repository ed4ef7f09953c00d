// An uncompressed (STORED) zip written as a stream, entry by entry: nothing is buffered beyond the
// chunk in hand, so "download all parts" of a multi-gigabyte archive holds one chunk at a time.
// Each entry's size is known up front (the site reports it), its CRC-32 is not: it follows the data
// in a data descriptor (general purpose bit 3). Zip64 fields are written for an entry whose size or
// offset does not fit 32 bits, and the zip64 end records when the directory does not.
// APPNOTE.TXT 6.3.x, sections 4.3.7 (local header), 4.3.9 (data descriptor), 4.3.12 (central
// directory), 4.3.14-16 (zip64 end records), 4.5.3 (zip64 extra field).
import { crc32 } from 'node:zlib'

export interface ZipEntry {
  /** The file name inside the zip (made safe with zipEntryName). */
  name: string
  /** Exact byte count of the data; a mismatch aborts the zip. */
  size: number
  /** Modification time written to the entry. */
  date: Date
  /** The entry's bytes, opened only when the zip reaches this entry. */
  open(): AsyncIterable<Buffer>
}

export class ZipEntrySizeError extends Error {
  constructor(
    readonly entry: string,
    readonly expected: number,
    readonly received: number,
  ) {
    super(`Zip entry ${entry}: expected ${expected} bytes, got ${received}.`)
    this.name = 'ZipEntrySizeError'
  }
}

const MAX32 = 0xffffffff
const MAX16 = 0xffff
/** Bit 3 (sizes and CRC in the data descriptor) and bit 11 (the name is UTF-8). */
const FLAGS = 0x0808
const VERSION_PLAIN = 20
const VERSION_ZIP64 = 45
/** Made by: Unix (3) so the external attributes carry a 0644 file mode. */
const MADE_BY_UNIX = 3 << 8
const FILE_MODE = (0o100644 << 16) >>> 0

export interface ZipOptions {
  /** Write zip64 fields even for small entries (tests exercise the zip64 layout with it). */
  forceZip64?: boolean
}

interface Planned {
  entry: ZipEntry
  name: Buffer
  offset: number
  zip64: boolean
  time: number
  day: number
}

/** A name safe to extract: no folders, no parent references, no control characters. */
export function zipEntryName(raw: string, fallback: string): string {
  const base = raw.split(/[\\/]/).pop() ?? ''
  const clean = base.replace(/[\x00-\x1f\x7f]/g, '').trim()
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean
}

function dosDateTime(d: Date): { time: number; day: number } {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107)
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  }
}

const localHeaderSize = (p: Pick<Planned, 'name' | 'zip64'>) => 30 + p.name.length + (p.zip64 ? 20 : 0)
const descriptorSize = (zip64: boolean) => (zip64 ? 24 : 16)
const centralSize = (p: Pick<Planned, 'name' | 'zip64'>) => 46 + p.name.length + (p.zip64 ? 28 : 0)

function plan(entries: ZipEntry[], o: ZipOptions): { planned: Planned[]; cdOffset: number; cdSize: number } {
  let offset = 0
  const planned: Planned[] = []
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    if (name.length > MAX16) throw new Error(`zip entry name too long: ${entry.name.slice(0, 40)}…`)
    const zip64 = Boolean(o.forceZip64) || entry.size >= MAX32 || offset >= MAX32
    const p: Planned = { entry, name, offset, zip64, ...dosDateTime(entry.date) }
    planned.push(p)
    offset += localHeaderSize(p) + entry.size + descriptorSize(zip64)
  }
  const cdSize = planned.reduce((n, p) => n + centralSize(p), 0)
  return { planned, cdOffset: offset, cdSize }
}

function needsZip64End(count: number, cdOffset: number, cdSize: number, o: ZipOptions): boolean {
  return Boolean(o.forceZip64) || count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32
}

/** The exact byte length of the zip these entries make (for Content-Length and progress). */
export function zipSize(entries: ZipEntry[], o: ZipOptions = {}): number {
  const { planned, cdOffset, cdSize } = plan(entries, o)
  return cdOffset + cdSize + (needsZip64End(planned.length, cdOffset, cdSize, o) ? 56 + 20 : 0) + 22
}

function localHeader(p: Planned): Buffer {
  const b = Buffer.alloc(localHeaderSize(p))
  b.writeUInt32LE(0x04034b50, 0)
  b.writeUInt16LE(p.zip64 ? VERSION_ZIP64 : VERSION_PLAIN, 4)
  b.writeUInt16LE(FLAGS, 6)
  b.writeUInt16LE(0, 8) // STORED
  b.writeUInt16LE(p.time, 10)
  b.writeUInt16LE(p.day, 12)
  // CRC and sizes are 0 here (bit 3): they follow the data. Zip64 marks them 0xFFFFFFFF.
  b.writeUInt32LE(0, 14)
  b.writeUInt32LE(p.zip64 ? MAX32 : 0, 18)
  b.writeUInt32LE(p.zip64 ? MAX32 : 0, 22)
  b.writeUInt16LE(p.name.length, 26)
  b.writeUInt16LE(p.zip64 ? 20 : 0, 28)
  p.name.copy(b, 30)
  if (p.zip64) {
    const x = 30 + p.name.length
    b.writeUInt16LE(0x0001, x)
    b.writeUInt16LE(16, x + 2)
    // Original and compressed size: 0 in the local header, the descriptor has them.
  }
  return b
}

function descriptor(p: Planned, crc: number): Buffer {
  const b = Buffer.alloc(descriptorSize(p.zip64))
  b.writeUInt32LE(0x08074b50, 0)
  b.writeUInt32LE(crc >>> 0, 4)
  if (p.zip64) {
    b.writeBigUInt64LE(BigInt(p.entry.size), 8)
    b.writeBigUInt64LE(BigInt(p.entry.size), 16)
  } else {
    b.writeUInt32LE(p.entry.size, 8)
    b.writeUInt32LE(p.entry.size, 12)
  }
  return b
}

function centralHeader(p: Planned, crc: number): Buffer {
  const b = Buffer.alloc(centralSize(p))
  const version = p.zip64 ? VERSION_ZIP64 : VERSION_PLAIN
  b.writeUInt32LE(0x02014b50, 0)
  b.writeUInt16LE(MADE_BY_UNIX | version, 4)
  b.writeUInt16LE(version, 6)
  b.writeUInt16LE(FLAGS, 8)
  b.writeUInt16LE(0, 10)
  b.writeUInt16LE(p.time, 12)
  b.writeUInt16LE(p.day, 14)
  b.writeUInt32LE(crc >>> 0, 16)
  b.writeUInt32LE(p.zip64 ? MAX32 : p.entry.size, 20)
  b.writeUInt32LE(p.zip64 ? MAX32 : p.entry.size, 24)
  b.writeUInt16LE(p.name.length, 28)
  b.writeUInt16LE(p.zip64 ? 28 : 0, 30)
  b.writeUInt16LE(0, 32) // comment
  b.writeUInt16LE(0, 34) // disk
  b.writeUInt16LE(0, 36) // internal attributes
  b.writeUInt32LE(FILE_MODE, 38)
  b.writeUInt32LE(p.zip64 ? MAX32 : p.offset, 42)
  p.name.copy(b, 46)
  if (p.zip64) {
    const x = 46 + p.name.length
    b.writeUInt16LE(0x0001, x)
    b.writeUInt16LE(24, x + 2)
    b.writeBigUInt64LE(BigInt(p.entry.size), x + 4)
    b.writeBigUInt64LE(BigInt(p.entry.size), x + 12)
    b.writeBigUInt64LE(BigInt(p.offset), x + 20)
  }
  return b
}

function endRecords(count: number, cdOffset: number, cdSize: number, o: ZipOptions): Buffer {
  const parts: Buffer[] = []
  const zip64 = needsZip64End(count, cdOffset, cdSize, o)
  if (zip64) {
    const rec = Buffer.alloc(56)
    rec.writeUInt32LE(0x06064b50, 0)
    rec.writeBigUInt64LE(44n, 4) // size of the rest of this record
    rec.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12)
    rec.writeUInt16LE(VERSION_ZIP64, 14)
    rec.writeUInt32LE(0, 16)
    rec.writeUInt32LE(0, 20)
    rec.writeBigUInt64LE(BigInt(count), 24)
    rec.writeBigUInt64LE(BigInt(count), 32)
    rec.writeBigUInt64LE(BigInt(cdSize), 40)
    rec.writeBigUInt64LE(BigInt(cdOffset), 48)
    const loc = Buffer.alloc(20)
    loc.writeUInt32LE(0x07064b50, 0)
    loc.writeUInt32LE(0, 4)
    loc.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8)
    loc.writeUInt32LE(1, 16)
    parts.push(rec, loc)
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(0, 4)
  end.writeUInt16LE(0, 6)
  end.writeUInt16LE(zip64 ? MAX16 : count, 8)
  end.writeUInt16LE(zip64 ? MAX16 : count, 10)
  end.writeUInt32LE(zip64 ? MAX32 : cdSize, 12)
  end.writeUInt32LE(zip64 ? MAX32 : cdOffset, 16)
  end.writeUInt16LE(0, 20)
  parts.push(end)
  return Buffer.concat(parts)
}

/**
 * The zip's bytes in order. Each entry is opened when the zip reaches it and counted: a source that
 * ends short or runs long throws ZipEntrySizeError, so a broken zip never ends with a directory.
 */
export async function* storedZip(entries: ZipEntry[], o: ZipOptions = {}): AsyncGenerator<Buffer, void, undefined> {
  const { planned, cdOffset, cdSize } = plan(entries, o)
  const crcs: number[] = []
  let written = 0
  for (const p of planned) {
    if (written !== p.offset) throw new Error(`zip writer out of step at ${p.entry.name}`)
    const header = localHeader(p)
    yield header
    written += header.length
    let crc = 0
    let count = 0
    for await (const chunk of p.entry.open()) {
      if (chunk.length === 0) continue
      count += chunk.length
      if (count > p.entry.size) throw new ZipEntrySizeError(p.entry.name, p.entry.size, count)
      crc = crc32(chunk, crc)
      yield chunk
    }
    if (count !== p.entry.size) throw new ZipEntrySizeError(p.entry.name, p.entry.size, count)
    written += count
    const d = descriptor(p, crc)
    yield d
    written += d.length
    crcs.push(crc)
  }
  const central = Buffer.concat(planned.map((p, i) => centralHeader(p, crcs[i])))
  if (central.length !== cdSize || written !== cdOffset) throw new Error('zip writer out of step at the directory')
  yield Buffer.concat([central, endRecords(planned.length, cdOffset, cdSize, o)])
}
