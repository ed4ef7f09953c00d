// The sites, archives and runs routes as documented: the request schemas are the routes' own.
import { archiveListQuery, downloadQuery } from '../archives/archive-input'
import { bulkRunInput, cancelInput, runDetailQuery, runListQuery, startRunInput } from '../runs/run-input'
import { checkSiteInput, createSiteInput, updateSiteInput } from '../sites/site-input'
import { deletedSchema } from './common-schemas'
import type { RouteDoc } from './define-route'
import { archiveDeleteSchema, archiveSchema, bulkResultSchema, runSchema, stepSchema } from './run-schemas'
import { siteCheckSchema, siteSchema } from './site-schemas'
import { z } from './zod'

const site = z.object({ site: siteSchema })
const archives = z.object({ archives: z.array(archiveSchema) })
const run = z.object({ run: runSchema })
const SITE_ERR = { 502: 'The site did not answer, or Akeeba refused the request.' }

export const siteRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/sites',
    access: 'viewer',
    tag: 'Sites',
    summary: 'List sites',
    ok: { 200: { description: 'Every site', schema: z.object({ sites: z.array(siteSchema) }) } },
  },
  {
    method: 'post',
    path: '/api/sites',
    access: 'admin',
    tag: 'Sites',
    summary: 'Add a site',
    description: 'Detects the endpoint and checks the key first; `saveIfUnreachable` saves it anyway.',
    body: createSiteInput,
    ok: { 201: { description: 'The new site', schema: site } },
    errors: { 422: 'The site refused the key or the address is not allowed.', ...SITE_ERR },
  },
  {
    method: 'post',
    path: '/api/sites/check',
    access: 'admin',
    tag: 'Sites',
    summary: 'Check an address and key without saving',
    body: checkSiteInput,
    ok: { 200: { description: 'What was found', schema: z.object({ check: siteCheckSchema }) } },
  },
  {
    method: 'get',
    path: '/api/sites/{id}',
    access: 'viewer',
    tag: 'Sites',
    summary: 'One site',
    ok: { 200: { description: 'The site', schema: site } },
  },
  {
    method: 'patch',
    path: '/api/sites/{id}',
    access: 'admin',
    tag: 'Sites',
    summary: 'Change a site',
    description: 'A new `url` needs the `key` again.',
    body: updateSiteInput,
    ok: { 200: { description: 'The site', schema: site } },
    errors: { 422: 'The site refused the key or the address is not allowed.', ...SITE_ERR },
  },
  {
    method: 'delete',
    path: '/api/sites/{id}',
    access: 'admin',
    tag: 'Sites',
    summary: 'Remove a site',
    ok: { 200: { description: 'Removed', schema: deletedSchema } },
  },
  {
    method: 'post',
    path: '/api/sites/{id}/recheck',
    access: 'operator',
    tag: 'Sites',
    summary: 'Check the connection again',
    ok: { 200: { description: 'The site', schema: site } },
  },
  {
    method: 'get',
    path: '/api/sites/{id}/archives',
    access: 'viewer',
    tag: 'Archives',
    summary: "A site's backup records",
    ok: { 200: { description: 'Archives', schema: archives } },
  },
  {
    method: 'post',
    path: '/api/sites/{id}/archives/sync',
    access: 'operator',
    tag: 'Archives',
    summary: "Re-read the site's backup records",
    ok: { 200: { description: 'Archives', schema: archives } },
    errors: SITE_ERR,
  },
  {
    method: 'post',
    path: '/api/sites/{id}/backups',
    access: 'operator',
    tag: 'Runs',
    summary: 'Back up now',
    body: startRunInput,
    ok: {
      202: { description: 'Queued a new run', schema: z.object({ run: runSchema, created: z.literal(true) }) },
      200: {
        description: 'The site already has a queued or running run (no second backup)',
        schema: z.object({ run: runSchema, created: z.literal(false) }),
      },
    },
  },
  {
    method: 'post',
    path: '/api/backups/bulk',
    access: 'operator',
    tag: 'Runs',
    summary: 'Back up many sites',
    description: 'By `siteIds`, by `tag` or `all`; sites with an active run are skipped.',
    body: bulkRunInput,
    ok: { 202: { description: 'Queued and skipped', schema: bulkResultSchema } },
  },
  {
    method: 'get',
    path: '/api/runs',
    access: 'viewer',
    tag: 'Runs',
    summary: 'List runs',
    description: '`status` is a comma-separated list.',
    query: runListQuery,
    ok: { 200: { description: 'Runs, newest first', schema: z.object({ runs: z.array(runSchema) }) } },
  },
  {
    method: 'get',
    path: '/api/runs/{id}',
    access: 'viewer',
    tag: 'Runs',
    summary: 'A run and its steps after `afterSeq`',
    query: runDetailQuery,
    ok: { 200: { description: 'The run', schema: z.object({ run: runSchema, steps: z.array(stepSchema) }) } },
  },
  {
    method: 'post',
    path: '/api/runs/{id}/cancel',
    access: 'operator',
    tag: 'Runs',
    summary: 'Cancel a run',
    body: cancelInput,
    ok: { 200: { description: 'The run', schema: run } },
    errors: { 409: 'The run has finished.' },
  },
  {
    method: 'get',
    path: '/api/runs/{id}/log',
    access: 'viewer',
    tag: 'Runs',
    summary: 'The run log as text',
    query: z.object({ download: z.literal('1').optional().openapi({ description: '1: as an attachment' }) }),
    ok: { 200: { description: 'Plain text log', content: { 'text/plain': { schema: z.string() } } } },
  },
  {
    method: 'get',
    path: '/api/archives',
    access: 'viewer',
    tag: 'Archives',
    summary: 'List archives',
    query: archiveListQuery,
    ok: { 200: { description: 'Archives', schema: archives } },
  },
  {
    method: 'get',
    path: '/api/archives/{id}',
    access: 'viewer',
    tag: 'Archives',
    summary: 'One archive',
    ok: { 200: { description: 'The archive', schema: z.object({ archive: archiveSchema }) } },
  },
  {
    method: 'delete',
    path: '/api/archives/{id}',
    access: 'admin',
    tag: 'Archives',
    summary: 'Delete the backup on the site (record and files)',
    ok: { 200: { description: "The site's archives after it", schema: archiveDeleteSchema } },
    errors: { 409: 'No longer on the site.', ...SITE_ERR },
  },
  {
    method: 'post',
    path: '/api/archives/{id}/delete-files',
    access: 'admin',
    tag: 'Archives',
    summary: 'Delete only the files (the record stays, obsolete)',
    ok: { 200: { description: "The site's archives after it", schema: archiveDeleteSchema } },
    errors: { 409: 'No longer on the site.', ...SITE_ERR },
  },
  {
    method: 'get',
    path: '/api/archives/{id}/download',
    access: 'operator',
    tag: 'Archives',
    summary: 'Download one part',
    description:
      "Streamed from the site with Content-Length; `x-archive-size` carries the part's whole size and the body fails if the byte count is wrong. `Range: bytes=N-` (with `If-Range` set to the ETag, if sent) resumes from byte N (206); a range past the end is a 416.",
    query: downloadQuery,
    ok: {
      200: {
        description: 'The part',
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      206: {
        description: 'The rest of the part from the requested byte (Content-Range)',
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
    },
    errors: SITE_ERR,
  },
]
