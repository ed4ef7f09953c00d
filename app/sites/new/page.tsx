import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui/page-header'
import { AddSiteForm } from '@/components/sites/add-site-form'

export const metadata: Metadata = { title: 'Add site' }

export default function NewSitePage() {
  return (
    <>
      <PageHeader
        title="Add a site"
        breadcrumbs={[{ label: 'Sites', href: '/sites' }, { label: 'Add site' }]}
        description="Stepwise checks the connection and shows what it found before anything is saved."
      />
      <AddSiteForm />
    </>
  )
}
