import { json, parseBody, route } from '@/lib/api/respond'
import { addBulkRows, bulkRowsInput } from '@/lib/sites/bulk-add'

export const dynamic = 'force-dynamic'

/** Bulk add, step 2: saves each row through the same path as POST /api/sites; a result per row. */
export const POST = route('admin', async (req, _params, actor) => {
  const input = await parseBody(req, bulkRowsInput)
  return json({ results: await addBulkRows(input.rows, actor.label) })
})
