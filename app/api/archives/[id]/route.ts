import { json, route } from '@/lib/api/respond'
import { requireArchive } from '@/lib/archives/list-archives'
import { deleteOnSite } from '@/lib/archives/delete-archive'

export const dynamic = 'force-dynamic'

type P = { id: string }

export const GET = route<P>('viewer', async (_req, { id }) => json({ archive: await requireArchive(id) }))

/** Deletes the backup on the site: its record and its files. */
export const DELETE = route<P>('admin', async (_req, { id }) => json(await deleteOnSite(id, 'record')))
