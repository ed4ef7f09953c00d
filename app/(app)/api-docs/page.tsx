import type { Metadata } from 'next'
import { ApiReference } from '@/components/api-docs/api-reference'
import { pageActor } from '@/lib/auth/page-access'
import { openApiDocument } from '@/lib/openapi/build-document'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'API reference' }

export default async function ApiDocsPage() {
  await pageActor('viewer', '/api-docs')
  return <ApiReference spec={openApiDocument()} />
}
