// Route helpers: parse input with zod (400 naming the field), map AppError to the envelope, and keep
// route.ts files to "parse, call lib, respond".
import { z } from 'zod'
import { AppError, STATUS_OF } from './errors'
import { logger } from '../log'

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

export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown
  try {
    const text = await req.text()
    body = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.')
  }
  return parseWith(schema, body)
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  return parseWith(schema, params)
}

type Ctx<P> = { params: Promise<P> }

/** Wraps a route handler so every thrown error becomes the one envelope. */
export function route<P = Record<string, string>>(fn: (req: Request, params: P) => Promise<Response>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      return await fn(req, ctx?.params ? await ctx.params : ({} as P))
    } catch (e) {
      return errorResponse(e)
    }
  }
}
