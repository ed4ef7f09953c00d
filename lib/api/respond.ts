// Route helpers: parse input with zod (400 naming the field), map AppError to the envelope, and keep
// route.ts files to "parse, call lib, respond".
import { z } from 'zod'
import { AppError, STATUS_OF } from './errors'
import { logger } from '../log'
import { readJsonBody } from './read-body'
import { actorFromHeaders, clientIp } from '../auth/actor'
import { roleAllows, type Access, type Actor } from '../domain/roles'
import { withRequestContext } from '../request-context'
import { hasLoneSurrogate, hasNul } from '../text/safe-text'

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown }
}

export function json<T>(data: T, status = 200): Response {
  return Response.json(data, { status, headers: { 'cache-control': 'no-store' } })
}

export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) {
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...e.extra } }
    return json(body, STATUS_OF[e.code])
  }
  logger().error({ err: e }, 'unhandled error in route')
  return json<ErrorBody>(
    { error: { code: 'internal', message: 'Something went wrong on the server; the details are in its log.' } },
    500,
  )
}

function zodToAppError(err: z.ZodError): AppError {
  const first = err.issues[0]
  const field = first?.path.join('.') || undefined
  const message = field ? `${field}: ${first.message}` : (first?.message ?? 'invalid input')
  return new AppError('validation_failed', message, {
    field,
    details: err.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  })
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input)
  if (!r.success) throw zodToAppError(r.error)
  return r.data
}

/** The JSON body (capped at 64 KB, application/json only) parsed with `schema`. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  return parseWith(schema, await readJsonBody(req))
}

/** NUL and lone surrogates are refused in every query and path parameter (PostgreSQL cannot store
 *  or even compare NUL in text), with a 400 naming the parameter. */
function checkParams(params: Record<string, unknown>): void {
  for (const [field, v] of Object.entries(params)) {
    if (typeof v === 'string' && (hasNul(v) || hasLoneSurrogate(v))) {
      throw new AppError('validation_failed', `${field}: must be valid text without NUL characters`, { field })
    }
  }
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  checkParams(params)
  return parseWith(schema, params)
}

type Ctx<P> = { params: Promise<P> }

type Handler<P, A> = (req: Request, params: P, actor: A) => Promise<Response>

/** A route handler with its access rule attached (the route sweep test reads it). */
export type RouteHandler<P> = ((req: Request, ctx: Ctx<P>) => Promise<Response>) & { access: Access }

/**
 * Wraps a route handler: checks who is asking against the least role the route needs (401 when
 * nobody is signed in, 403 when the role is too low), runs it with that actor as the request
 * context of the audit trail, and turns every thrown error into the one envelope.
 */
export function route<P = Record<string, string>>(access: 'public', fn: Handler<P, Actor | null>): RouteHandler<P>
export function route<P = Record<string, string>>(
  access: Exclude<Access, 'public'>,
  fn: Handler<P, Actor>,
): RouteHandler<P>
export function route<P>(access: Access, fn: Handler<P, Actor>): RouteHandler<P> {
  const handler = async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const actor = await actorFromHeaders(req.headers)
      if (access !== 'public') {
        if (!actor)
          throw new AppError('unauthorized', 'Sign in first (or send an API token as Authorization: Bearer …).')
        if (!roleAllows(actor.role, access)) {
          throw new AppError('forbidden', `This needs the ${access} role or higher; you are ${actor.role}.`)
        }
      }
      const params = ctx?.params ? await ctx.params : ({} as P)
      checkParams(params as Record<string, unknown>)
      const context = {
        actor: actor?.label ?? null,
        actorId: actor?.id ?? null,
        ip: actor?.ip ?? clientIp(req.headers),
      }
      return await withRequestContext(context, () => fn(req, params, actor as Actor))
    } catch (e) {
      return errorResponse(e)
    }
  }
  return Object.assign(handler, { access })
}
