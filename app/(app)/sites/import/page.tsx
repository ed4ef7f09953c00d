import type { Metadata } from 'next'
import { pageActor } from '@/lib/auth/page-access'
import { PageHeader } from '@/components/ui/page-header'
import { BulkAdd } from '@/components/sites/bulk-add/bulk-add'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Add sites from CSV' }

export default async function ImportSitesPage() {
  await pageActor('admin', '/sites/import')
  return (
    <>
      <PageHeader
        title="Add sites from CSV"
        breadcrumbs={[{ label: 'Sites', href: '/sites' }, { label: 'Add from CSV' }]}
        description="Every row is checked the way the single-site wizard checks it, before anything is saved."
      />
      <BulkAdd />
    </>
  )
}
