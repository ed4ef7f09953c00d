// The access check of a page (server components): the signed-in actor, or a redirect to the setup
// page (no user yet) or the sign-in page. A role that is too low sees the overview instead.
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { roleAllows, type Access, type Actor } from '../domain/roles'
import { actorFromHeaders } from './actor'
import { setupState } from './setup'

export async function pageActor(access: Exclude<Access, 'public'> = 'viewer', next?: string): Promise<Actor> {
  const actor = await actorFromHeaders(await headers())
  if (!actor) {
    if ((await setupState()).needed) redirect('/setup')
    redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in')
  }
  if (!roleAllows(actor.role, access)) redirect('/?denied=1')
  return actor
}

/** The actor if someone is signed in (for pages that render differently, e.g. the sign-in page). */
export async function optionalPageActor(): Promise<Actor | null> {
  return actorFromHeaders(await headers())
}
