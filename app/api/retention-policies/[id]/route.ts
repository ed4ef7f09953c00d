import { json, parseBody, route } from '@/lib/api/respond'
import { updateRetentionPolicyInput } from '@/lib/domain/retention'
import { deletePolicy, getPolicy, updatePolicy } from '@/lib/retention/policies'

export const dynamic = 'force-dynamic'

export const GET = route<{ id: string }>('viewer', async (_req, { id }) => json({ policy: await getPolicy(id) }))

export const PATCH = route<{ id: string }>('admin', async (req, { id }) =>
  json({ policy: await updatePolicy(id, await parseBody(req, updateRetentionPolicyInput)) }),
)

export const DELETE = route<{ id: string }>('admin', async (_req, { id }) => json(await deletePolicy(id)))
