import { json, parseQuery, route } from '@/lib/api/respond'
import { listRuns } from '@/lib/runs/read-runs'
import { runListQuery } from '@/lib/runs/run-input'

export const dynamic = 'force-dynamic'

export const GET = route('viewer', async (req) => json({ runs: await listRuns(parseQuery(req, runListQuery)) }))
