import { json, parseBody, route } from '@/lib/api/respond'
import { updateChannelInput } from '@/lib/notify/channel-input'
import { deleteChannel, getChannel, updateChannel } from '@/lib/notify/channels'

export const dynamic = 'force-dynamic'

export const GET = route<{ id: string }>('admin', async (_req, { id }) => json({ channel: await getChannel(id) }))

export const PATCH = route<{ id: string }>('admin', async (req, { id }) =>
  json(await updateChannel(id, await parseBody(req, updateChannelInput))),
)

export const DELETE = route<{ id: string }>('admin', async (_req, { id }) => json(await deleteChannel(id)))
