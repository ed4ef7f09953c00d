// One documented operation: its access rule becomes the security requirement, the `x-stepwise-access`
// extension (the OpenAPI test compares it with the route's own `route(access, …)`) and the error
// answers it can give. Every answer that is not a success is the one error envelope.
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi'
import type { Access } from '../domain/roles'
import { errorSchema } from './common-schemas'
import { z } from './zod'

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete'

export interface RouteDoc {
  method: HttpMethod
  /** OpenAPI form: /api/sites/{id} */
  path: string
  /** The least role; 'auth' = better-auth's own sign-in endpoints. */
  access: Access | 'auth'
  tag: string
  summary: string
  description?: string
  query?: z.ZodObject
  body?: z.ZodType
  /** Success answers by status: a JSON schema, or a raw content map (downloads, text). */
  ok: Record<number, { description: string; schema?: z.ZodType; content?: ResponseConfig['content'] }>
  /** Extra error statuses beyond the ones the access rule, the body and the path imply. */
  errors?: Record<number, string>
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: `field` names the parameter or body field to fix.',
  401: 'Nobody signed in: send a session cookie or `Authorization: Bearer <token>`.',
  403: 'Signed in, but the role is too low for this route.',
  404: 'No such item.',
  409: 'Conflicts with the current state.',
  502: 'The site did not answer, or Akeeba refused the request.',
}

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } })

/** Who may call: a bearer API token or the session cookie of a signed-in user. */
export const SECURITY: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }]

export function registerRoute(registry: OpenAPIRegistry, d: RouteDoc): void {
  const params = [...d.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
  const errors: Record<number, string> = {}
  if (d.query || d.body || params.length) errors[400] = ERROR_TEXT[400]
  if (d.access !== 'public' && d.access !== 'auth') {
    errors[401] = ERROR_TEXT[401]
    errors[403] = ERROR_TEXT[403]
  }
  if (params.length) errors[404] = ERROR_TEXT[404]
  Object.assign(errors, d.errors)

  const responses: RouteConfig['responses'] = {}
  for (const [status, r] of Object.entries(d.ok)) {
    responses[status] = {
      description: r.description,
      content: r.content ?? (r.schema ? { 'application/json': { schema: r.schema } } : undefined),
    }
  }
  for (const [status, text] of Object.entries(errors)) responses[status] = errorAnswer(text)
  responses.default = errorAnswer(
    'Any other failure, in the same envelope (e.g. 500 internal, 503 database_unavailable).',
  )

  const role =
    d.access === 'public'
      ? 'No sign-in needed.'
      : d.access === 'auth'
        ? 'better-auth endpoint: manages the session cookie itself.'
        : `Needs the **${d.access}** role or higher (session cookie or API token).`

  registry.registerPath({
    method: d.method,
    path: d.path,
    tags: [d.tag],
    summary: d.summary,
    description: [role, d.description].filter(Boolean).join('\n\n'),
    security: d.access === 'public' || d.access === 'auth' ? [] : SECURITY,
    'x-stepwise-access': d.access,
    request: {
      params: params.length ? z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) : undefined,
      query: d.query,
      body: d.body ? { required: true, content: { 'application/json': { schema: d.body } } } : undefined,
    },
    responses,
  })
}
