import { json, route } from '@/lib/api/respond'

export const dynamic = 'force-dynamic'

/** Who is asking: the signed-in user or the token, with its role (the UI hides what it cannot do). */
export const GET = route('viewer', async (_req, _params, actor) =>
  json({ actor: { kind: actor.kind, id: actor.id, label: actor.label, name: actor.name, role: actor.role } }),
)
