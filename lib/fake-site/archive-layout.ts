// Which files a record has on disk, in getBackupInfo's REAL order: part 1 is the main archive (the
// LAST physical piece), parts 2..N are .j01, .j02… (fixture wp/05, DESIGN fact 9).
import type { ArchiveSource } from './archive-bytes'
import type { SiteRecord } from './records'

export interface ArchivePart {
  part: number
  name: string
  size: number
  /** Offset of this piece inside the physical stream. */
  offset: number
}

function pieceName(base: string, ext: string, physicalIndex: number, pieces: number): string {
  if (physicalIndex === pieces - 1) return `${base}.${ext}`
  const n = String(physicalIndex + 1).padStart(2, '0')
  return `${base}.${ext[0]}${n}`
}

/** The parts currently on disk for a record ([] when its files are gone). */
export function partsOf(rec: SiteRecord): ArchivePart[] {
  if (!rec.filesPresent) return []
  if (rec.status !== 'complete') {
    // While running only the partial main file exists.
    return [{ part: 1, name: rec.archivename, size: rec.writtenBytes, offset: 0 }]
  }
  const pieces = piecesOf(rec)
  const base = rec.archivename.slice(0, rec.archivename.lastIndexOf('.'))
  const parts: ArchivePart[] = []
  const p = rec.partSize
  for (let i = 0; i < pieces; i++) {
    const offset = i * p
    const size = pieces === 1 ? rec.archiveSize : i === pieces - 1 ? rec.archiveSize - offset : p
    const part = i === pieces - 1 ? 1 : i + 2
    parts.push({ part, name: pieceName(base, rec.ext, i, pieces), size, offset: pieces === 1 ? 0 : offset })
  }
  return parts.sort((a, b) => a.part - b.part)
}

export function piecesOf(rec: SiteRecord): number {
  return rec.partSize > 0 ? Math.max(1, Math.ceil(rec.archiveSize / rec.partSize)) : 1
}

export function sourceOf(rec: SiteRecord): ArchiveSource {
  return { seed: rec.contentSeed, size: rec.archiveSize, kind: rec.contentKind, pieces: piecesOf(rec) }
}
