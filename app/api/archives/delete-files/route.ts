import { json, parseBody, route } from '@/lib/api/respond'
import { bulkDeleteFiles } from '@/lib/archives/bulk-delete'
import { bulkDeleteFilesInput } from '@/lib/archives/bulk-input'

export const dynamic = 'force-dynamic'

/** Deletes the files of many archives on their sites (records stay); one outcome per archive. */
export const POST = route('admin', async (req) => {
  const { ids } = await parseBody(req, bulkDeleteFilesInput)
  return json(await bulkDeleteFiles(ids))
})
