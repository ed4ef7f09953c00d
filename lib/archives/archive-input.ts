// Query strings of the archives API, parsed once at the boundary (STYLE.md rule 9).
import { z } from 'zod'
import type { ArchiveState } from '../domain/site-state'

const ARCHIVE_STATES = ['ok', 'remote', 'obsolete', 'pending', 'fail'] as const satisfies readonly ArchiveState[]

export const archiveListQuery = z.object({
  siteId: z.string().min(1).optional(),
  state: z.enum(ARCHIVE_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})

/** Part 1 is the .jpa (DESIGN.md fact 9); a single-file archive has only part 1. */
export const downloadQuery = z.object({
  part: z.coerce.number().int().min(1).max(10_000).optional().default(1),
})
