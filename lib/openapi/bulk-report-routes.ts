// Bulk add (check, then save) and the client report, as documented: request schemas are the routes' own.
import type { BulkAddResult, BulkCheckResult } from '../sites/bulk-add'
import { bulkRowsInput } from '../sites/bulk-add'
import type { RouteDoc } from './define-route'
import { z } from './zod'

const field = z.enum(['name', 'url', 'key', 'tags'])

export const bulkCheckResultSchema = z
  .object({
    line: z.number().int(),
    ok: z.boolean(),
    name: z.string().openapi({ description: "The row's name, else the site's title, else its host" }),
    nameSuggested: z.boolean(),
    url: z.string(),
    tags: z.array(z.string()),
    cause: z
      .string()
      .optional()
      .openapi({ description: 'A detection cause (auth, unreachable, html_page, …), `invalid` or `duplicate`' }),
    field: field.optional(),
    message: z.string().optional(),
    advice: z.string().optional(),
    platform: z.string().optional(),
    akeebaVersion: z.string().optional(),
    existingSite: z.object({ id: z.string(), name: z.string() }).optional(),
  })
  .openapi('BulkCheckResult', {
    description: 'One row of a bulk check; never the key.',
  }) satisfies z.ZodType<BulkCheckResult>

export const bulkAddResultSchema = z
  .object({
    line: z.number().int(),
    ok: z.boolean(),
    site: z.object({ id: z.string(), name: z.string() }).optional(),
    error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }).optional(),
  })
  .openapi('BulkAddResult') satisfies z.ZodType<BulkAddResult>

export const bulkReportRoutes: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/sites/bulk-check',
    access: 'admin',
    tag: 'Sites',
    summary: 'Check many addresses and keys without saving',
    description:
      'Up to 20 rows per request (the page sends a CSV in chunks). Each row is checked as `POST /api/sites/check` does; ' +
      "a row's own mistakes come back as that row's result (`cause: invalid`), an address already added as `duplicate`.",
    body: bulkRowsInput,
    ok: { 200: { description: 'One result per row', schema: z.object({ results: z.array(bulkCheckResultSchema) }) } },
  },
  {
    method: 'post',
    path: '/api/sites/bulk',
    access: 'admin',
    tag: 'Sites',
    summary: 'Add many sites',
    description:
      'Up to 20 rows per request, each saved as `POST /api/sites` saves one (detected again; a row that fails is not saved). ' +
      'Every row needs a name.',
    body: bulkRowsInput,
    ok: { 200: { description: 'One result per row', schema: z.object({ results: z.array(bulkAddResultSchema) }) } },
  },
]
