// download (base64 in JSON, 1 MiB per call) and downloadDirect (raw stream) — fixtures wp/05, wp/06,
// joomla/07. The bytes are generated on the fly (archive-bytes.ts).
import { readArchive } from '../archive-bytes'
import { partsOf, sourceOf, type ArchivePart } from '../archive-layout'
import { MSG } from '../persona'
import type { SiteRecord } from '../records'
import type { FakeSite } from '../site'
import { json, phpInt, type ApiContext, type Outcome } from './outcome'

const MiB = 1024 * 1024

function findPart(site: FakeSite, params: URLSearchParams): { rec?: SiteRecord; part?: ArchivePart } {
  const rec = site.records.get(phpInt(params.get('backup_id')))
  if (!rec) return {}
  const partId = params.has('part_id') ? phpInt(params.get('part_id')) : 1
  return { rec, part: partsOf(rec).find((p) => p.part === partId) }
}

export function download({ site, params }: ApiContext): Outcome {
  const { rec, part } = findPart(site, params)
  if (!rec) return json(404, MSG.invalidRecord)
  if (!part) return json(404, MSG.invalidPart)
  const segment = params.has('segment') ? phpInt(params.get('segment')) : 1
  const chunk = params.has('chunk_size') ? phpInt(params.get('chunk_size')) : 1
  // The offset moves in chunk_size MiB strides but every call reads at most 1 MiB (fact 9).
  const offset = (segment - 1) * chunk * MiB
  if (offset < 0) return json(500, MSG.readSegment)
  if (offset > part.size) return json(404, MSG.invalidSegment)
  if (offset === part.size) return json(200, '')
  const bytes = readArchive(sourceOf(rec), part.offset + offset, Math.min(MiB, part.size - offset))
  return json(200, bytes.toString('base64'))
}

export function downloadDirect({ site, params }: ApiContext): Outcome {
  const { rec, part } = findPart(site, params)
  if (!rec) return { kind: 'bare500', reason: MSG.invalidRecord }
  if (!part) return { kind: 'bare500', reason: MSG.invalidPart }
  const src = sourceOf(rec)
  return {
    kind: 'binary',
    name: part.name,
    size: part.size,
    read: (offset, length) => readArchive(src, part.offset + offset, length),
  }
}
