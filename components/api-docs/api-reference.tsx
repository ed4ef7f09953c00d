'use client'
import dynamic from 'next/dynamic'
import { PageHeader } from '@/components/ui/page-header'

const SwaggerView = dynamic(() => import('./swagger-view'), {
  ssr: false,
  loading: () => <p className="text-muted-foreground p-6 text-sm">Loading the API reference…</p>,
})

export function ApiReference({ spec }: { spec: object }) {
  return (
    <div className="space-y-4">
      <PageHeader
        title="API reference"
        description={
          <>
            Every route of the HTTP API with the least role it needs. Scripts send an API token as{' '}
            <code>Authorization: Bearer …</code>; the document itself is{' '}
            <a className="underline" href="/api/openapi.json">
              /api/openapi.json
            </a>
            .
          </>
        }
      />
      <div className="api-docs rounded-md border bg-white text-black">
        <SwaggerView spec={spec} />
      </div>
    </div>
  )
}
