// The request being served, for the audit trail: every audit row written while a route handles a
// request carries who made it and from where, without threading both through every function.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestContext {
  /** The user's e-mail or "token:<name>"; null for anonymous requests (sign-in, setup). */
  actor: string | null
  /** The user's or token's id. */
  actorId: string | null
  ip: string | null
}

const storage = new AsyncLocalStorage<RequestContext>()

export function withRequestContext<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  return storage.run(ctx, fn)
}

export function currentRequest(): RequestContext | null {
  return storage.getStore() ?? null
}
