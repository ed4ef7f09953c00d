import { json, parseBody, route } from '@/lib/api/respond'
import { createRetentionPolicyInput } from '@/lib/domain/retention'
import { createPolicy, listPolicies } from '@/lib/retention/policies'

export const dynamic = 'force-dynamic'

export const GET = route('viewer', async () => json({ policies: await listPolicies() }))

export const POST = route('admin', async (req) =>
  json({ policy: await createPolicy(await parseBody(req, createRetentionPolicyInput)) }, 201),
)
