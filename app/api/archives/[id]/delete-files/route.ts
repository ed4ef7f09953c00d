import { json, route } from '@/lib/api/respond'
import { deleteOnSite } from '@/lib/archives/delete-archive'

export const dynamic = 'force-dynamic'

/** Deletes only the archive files on the site; the record stays (obsolete). */
export const POST = route<{ id: string }>('admin', async (_req, { id }) => json(await deleteOnSite(id, 'files')))
