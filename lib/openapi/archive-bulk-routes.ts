// Archives: bulk "Delete files" and "Download all parts" (one zip) as documented.
import { bulkDeleteFilesInput } from '../archives/bulk-input'
import type { RouteDoc } from './define-route'
import { archiveSchema } from './run-schemas'
import { z } from './zod'

const outcome = z
  .object({
    id: z.string(),
    siteId: z.string().nullable(),
    siteName: z.string().nullable(),
    name: z.string(),
    size: z.number().int(),
    ok: z.boolean(),
    code: z.string().optional().openapi({ description: 'Error code when not ok' }),
    message: z.string().optional().openapi({ description: "Why not: the site's own words when it refused" }),
    archive: archiveSchema.nullable().optional(),
  })
  .openapi('BulkDeleteOutcome')

export const archiveBulkRoutes: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/archives/delete-files',
    access: 'admin',
    tag: 'Archives',
    summary: 'Delete the files of many archives (records stay)',
    description:
      'Each archive goes through the same audited delete as one: the site is asked, its list re-read. ' +
      'The answer has one outcome per archive; a site that refuses says so in `message`.',
    body: bulkDeleteFilesInput,
    ok: {
      200: {
        description: 'One outcome per archive',
        schema: z
          .object({
            results: z.array(outcome),
            deleted: z.number().int(),
            failed: z.number().int(),
            freedBytes: z.number().int(),
          })
          .openapi('BulkDeleteFilesResult'),
      },
    },
  },
  {
    method: 'get',
    path: '/api/archives/{id}/download-all',
    access: 'operator',
    tag: 'Archives',
    summary: 'Download every part in one zip',
    description:
      'An uncompressed (stored) zip holding each part under its own name, streamed part by part from the site; ' +
      '`x-archive-size` carries the zip size and the body fails if a part has the wrong byte count.',
    ok: {
      200: {
        description: 'The zip',
        content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
      },
    },
    errors: {
      409: 'No longer on the site, or no files.',
      502: 'The site did not answer, or Akeeba refused the request.',
    },
  },
]
