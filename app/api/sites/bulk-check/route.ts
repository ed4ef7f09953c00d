import { json, parseBody, route } from '@/lib/api/respond'
import { bulkRowsInput, checkBulkRows } from '@/lib/sites/bulk-add'

export const dynamic = 'force-dynamic'

/** Bulk add, step 1: each row checked like the wizard's "Check connection"; nothing is saved, no key comes back. */
export const POST = route('admin', async (req) => {
  const input = await parseBody(req, bulkRowsInput)
  return json({ results: await checkBulkRows(input.rows) })
})
