import type { Metadata } from 'next'
import { TokensView } from '@/components/tokens/tokens-view'
import { listApiTokens } from '@/lib/auth/api-tokens'
import { pageActor } from '@/lib/auth/page-access'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'API tokens' }

export default async function TokensPage() {
  await pageActor('admin', '/tokens')
  return <TokensView initial={await listApiTokens()} />
}
