import { json, route } from '@/lib/api/respond'
import { testChannel } from '@/lib/notify/test-channel'

export const dynamic = 'force-dynamic'

/** Sends a test message now; 200 with `ok: false` and the receiver's answer when it did not accept it. */
export const POST = route<{ id: string }>('admin', async (_req, { id }) => json({ result: await testChannel(id) }))
