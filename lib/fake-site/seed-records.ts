// Arbitrary backup records seeded straight into a fake site (tests and demos of retention): complete
// ones with or without files, failed, running, frozen, and "foreign" ones (any comment/description).
import { z } from 'zod'
import { sqlDate } from './clock'
import { normaliseType } from './plan'
import { recordView } from './records'
import type { FakeSite } from './site'
import type { FakeRecordView } from './types'

export const recordSeedSchema = z.strictObject({
  /** When the backup started: an ISO time, or days before the site's clock. */
  at: z.iso.datetime().optional(),
  daysAgo: z.number().nonnegative().optional(),
  status: z.enum(['complete', 'fail', 'run']).optional(),
  /** complete only: false = the files were removed (listed as obsolete). */
  filesPresent: z.boolean().optional(),
  frozen: z.boolean().optional(),
  description: z.string().max(255).optional(),
  comment: z.string().max(4096).optional(),
  profile: z.number().int().positive().optional(),
  sizeBytes: z.number().int().positive().optional(),
})
export type RecordSeed = z.infer<typeof recordSeedSchema>

export const recordSeedsSchema = z.strictObject({ records: z.array(recordSeedSchema).max(1000) })

/** Adds the records in the given order (ids ascending) and returns their views. */
export function seedRecords(site: FakeSite, seeds: RecordSeed[]): FakeRecordView[] {
  const out: FakeRecordView[] = []
  for (const s of seeds) {
    const at = s.at ? new Date(s.at) : new Date(site.now().getTime() - (s.daysAgo ?? 0) * 86_400_000)
    const run = site.createBackup(
      {
        profile: s.profile ?? 1,
        description: s.description ?? `Seeded backup ${sqlDate(at).slice(0, 10)}`,
        comment: s.comment ?? '',
        type: normaliseType(undefined, site.scenario.backupType),
        archiver: undefined,
        partSize: site.scenario.partSizeBytes ?? 0,
        zombie: false,
      },
      `seed-${site.nextRecordId}`,
      at,
    )
    site.runs.delete(`seed-${run.recordId}`)
    const rec = site.records.get(run.recordId)!
    if (s.sizeBytes) rec.archiveSize = s.sizeBytes
    rec.frozen = s.frozen ? 1 : 0
    const status = s.status ?? 'complete'
    if (status === 'complete') {
      // As completeRecord, without the count quota (seeded history is what the test says it is).
      rec.status = 'complete'
      rec.backupend = sqlDate(new Date(at.getTime() + 60_000))
      rec.totalSize = rec.archiveSize
      rec.writtenBytes = rec.archiveSize
      rec.multipart = rec.partSize > 0 && rec.archiveSize > rec.partSize ? Math.ceil(rec.archiveSize / rec.partSize) : 0
      rec.instep = 1
      if (s.filesPresent === false) {
        rec.filesPresent = false
        rec.filesexist = 0
      }
    } else if (status === 'fail') {
      rec.status = 'fail'
      rec.backupend = sqlDate(new Date(at.getTime() + 30_000))
      rec.filesPresent = false
      rec.remoteFilename = 'NULL'
    }
    out.push(recordView(rec))
  }
  return out
}
