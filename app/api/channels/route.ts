import { json, parseBody, route } from '@/lib/api/respond'
import { createChannelInput } from '@/lib/notify/channel-input'
import { createChannel, listChannels } from '@/lib/notify/channels'

export const dynamic = 'force-dynamic'

// Channels hold addresses and receiver URLs: admins only, to read as well.
export const GET = route('admin', async () => json({ channels: await listChannels() }))

/** A webhook channel's signing `secret` is in this answer only. */
export const POST = route('admin', async (req) =>
  json(await createChannel(await parseBody(req, createChannelInput)), 201),
)
