import type { Metadata } from 'next'
import { FileUp } from 'lucide-react'
import { pageActor } from '@/lib/auth/page-access'
import { PageHeader } from '@/components/ui/page-header'
import { ButtonLink } from '@/components/ui/button'
import { AddSiteForm } from '@/components/sites/add-site-form'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Add site' }

export default async function NewSitePage() {
  await pageActor('admin', '/sites/new')
  return (
    <>
      <PageHeader
        title="Add a site"
        breadcrumbs={[{ label: 'Sites', href: '/sites' }, { label: 'Add site' }]}
        description="Stepwise checks the connection and shows what it found before anything is saved."
        actions={
          <ButtonLink href="/sites/import" icon={FileUp}>
            Add many from CSV
          </ButtonLink>
        }
      />
      <AddSiteForm />
    </>
  )
}
