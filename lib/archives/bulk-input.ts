// Body and answer of POST /api/archives/delete-files (bulk "Delete files"), parsed once at the
// boundary (STYLE.md rule 9). Shared by the route, the OpenAPI document and the Archives page.
import { z } from 'zod'
import type { ArchiveDto } from '../domain/archives'

export const MAX_BULK_ARCHIVES = 200

export const bulkDeleteFilesInput = z.object({
  ids: z
    .array(z.string().min(1).max(100))
    .min(1, 'choose at least one archive')
    .max(MAX_BULK_ARCHIVES, `at most ${MAX_BULK_ARCHIVES} archives at once`)
    .refine((ids) => new Set(ids).size === ids.length, 'each archive only once'),
})

export type BulkDeleteFilesInput = z.infer<typeof bulkDeleteFilesInput>

/** One archive's outcome: the site's own words when it refused. */
export interface BulkDeleteOutcome {
  id: string
  siteId: string | null
  siteName: string | null
  name: string
  /** Bytes the archive held (what was freed when ok). */
  size: number
  ok: boolean
  /** Error code when not ok (akeeba_error, not_found, conflict, site_unreachable…). */
  code?: string
  message?: string
  /** The archive as the site lists it afterwards (files removed), when ok. */
  archive?: ArchiveDto | null
}

export interface BulkDeleteFilesResult {
  results: BulkDeleteOutcome[]
  deleted: number
  failed: number
  /** Sum of the sizes of the archives whose files are gone. */
  freedBytes: number
}
