import { json, route } from '@/lib/api/respond'
import { notFound } from '@/lib/api/errors'
import { getArchive } from '@/lib/db/archives'
import { deleteOnSite } from '@/lib/archives/delete-archive'

export const dynamic = 'force-dynamic'

type P = { id: string }

export const GET = route<P>(async (_req, { id }) => {
  const archive = await getArchive(id)
  if (!archive) throw notFound('archive', id)
  return json({ archive })
})

/** Deletes the backup on the site: its record and its files. */
export const DELETE = route<P>(async (_req, { id }) => json(await deleteOnSite(id, 'record')))
