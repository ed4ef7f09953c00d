import { json, parseQuery, route } from '@/lib/api/respond'
import { listArchivesFiltered } from '@/lib/archives/list-archives'
import { archiveListQuery } from '@/lib/archives/archive-input'

export const dynamic = 'force-dynamic'

export const GET = route('viewer', async (req) =>
  json({ archives: await listArchivesFiltered(parseQuery(req, archiveListQuery)) }),
)
