// Bulk add (check, then save) and the client report, as documented: request schemas are the routes' own.
import type { BulkAddResult, BulkCheckResult } from '../sites/bulk-add'
import { bulkRowsInput } from '../sites/bulk-add'
import { reportQuery } from '../reports/report-input'
import type { ClientReport } from '../reports/types'
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

const iso = () => z.string().openapi({ format: 'date-time' })
const isoOrNull = () => iso().nullable()
const reportState = z.enum(['ok', 'too_old', 'failed', 'never'])

export const clientReportSchema = z
  .object({
    tag: z.string(),
    from: iso(),
    to: iso(),
    asOf: iso().openapi({ description: 'The end of the period, or now while it is still running' }),
    generatedAt: iso(),
    totals: z.object({
      sites: z.number().int(),
      backups: z.number().int(),
      succeeded: z.number().int(),
      failed: z.number().int(),
      successRate: z.number().nullable(),
      totalBytes: z.number(),
      states: z.object({
        ok: z.number().int(),
        too_old: z.number().int(),
        failed: z.number().int(),
        never: z.number().int(),
      }),
      freshShare: z.number().nullable(),
      lastGoodAt: isoOrNull(),
    }),
    sites: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        baseUrl: z.string(),
        isDemo: z.boolean(),
        maxBackupAgeHours: z.number().int(),
        backups: z.number().int(),
        succeeded: z.number().int(),
        failed: z.number().int(),
        successRate: z.number().nullable(),
        totalBytes: z.number(),
        minBytes: z.number().nullable(),
        maxBytes: z.number().nullable(),
        latestBytes: z.number().nullable(),
        lastGoodAt: isoOrNull(),
        freshShare: z
          .number()
          .nullable()
          .openapi({ description: 'Share of the period with a backup younger than the maximum age, 0..1' }),
        state: reportState,
        lastBackups: z.array(
          z.object({
            at: iso(),
            ok: z.boolean(),
            status: z.string(),
            source: z.enum(['stepwise', 'site']),
            trigger: z.string().nullable(),
            backupType: z.string().nullable(),
            description: z.string().nullable(),
            sizeBytes: z.number().nullable(),
            durationMs: z.number().nullable(),
            errorMessage: z.string().nullable(),
            runId: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('ClientReport') satisfies z.ZodType<ClientReport>

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
  {
    method: 'get',
    path: '/api/reports',
    access: 'viewer',
    tag: 'Reports',
    summary: "A client report: a tag's sites over a period",
    description:
      'Backups (our finished runs and records the site made itself), success rate, sizes and freshness per site, and totals. ' +
      '`from`/`to`: ISO instants, or plain dates read as whole UTC days with `to` included; at most 400 days.',
    query: reportQuery,
    ok: { 200: { description: 'The report', schema: z.object({ report: clientReportSchema }) } },
  },
]
