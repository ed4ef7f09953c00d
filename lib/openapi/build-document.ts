// The OpenAPI 3.1 document of every route under app/api, built from the zod schemas the routes parse
// with (tests/integration/openapi.test.ts fails when a route or method is missing).
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi'
import { adminRoutes } from './admin-routes'
import { archiveBulkRoutes } from './archive-bulk-routes'
import { authRoutes } from './auth-routes'
import { errorSchema } from './common-schemas'
import { registerRoute, type RouteDoc } from './define-route'
import { siteRoutes } from './site-routes'
import { bulkReportRoutes } from './bulk-report-routes'
import { retentionRoutes } from './retention-routes'

export const ROUTE_DOCS: readonly RouteDoc[] = [
  ...siteRoutes,
  ...archiveBulkRoutes,
  ...bulkReportRoutes,
  ...retentionRoutes,
  ...adminRoutes,
  ...authRoutes,
]

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>

let cached: OpenApiDocument | undefined

export function openApiDocument(version = '1'): OpenApiDocument {
  if (cached) return cached
  const registry = new OpenAPIRegistry()
  registry.register('Error', errorSchema)
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`sw_…`) made on the API tokens page; it carries its own role.',
  })
  registry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'stepwise.session_token',
    description: 'The session of a signed-in user (POST /api/auth/sign-in/email sets it).',
  })
  for (const d of ROUTE_DOCS) registerRoute(registry, d)
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Stepwise API',
      version,
      description:
        'Every route answers errors as `{ "error": { "code", "message", "field"?, "details"? } }`. ' +
        'Each operation names the least role it needs (`x-stepwise-access`); owner and admin may do everything.',
    },
    servers: [{ url: '/' }],
  })
  return cached
}
