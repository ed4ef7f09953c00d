import { json, parseBody, route } from '@/lib/api/respond'
import { checkSite } from '@/lib/sites/connect-site'
import { checkSiteInput } from '@/lib/sites/site-input'

export const dynamic = 'force-dynamic'

/** Detects the endpoint and checks the key without saving anything (the add-site wizard's first step). */
export const POST = route('admin', async (req) => {
  const input = await parseBody(req, checkSiteInput)
  return json({ check: await checkSite(input.url, input.key) })
})
