import { ArrowLeft, LayoutDashboard } from 'lucide-react'
import { ButtonLink } from '@/components/ui/button'
import { PageProblem } from './page-problem'

/** 404 inside the shell: say so plainly and offer the way back. */
export function NotFoundView() {
  return (
    <PageProblem
      code="404"
      title="This page does not exist"
      actions={
        <>
          <ButtonLink href="/" variant="primary" icon={LayoutDashboard}>
            Go to the overview
          </ButtonLink>
          <ButtonLink href="/runs" variant="secondary" icon={ArrowLeft}>
            All runs
          </ButtonLink>
          <ButtonLink href="/sites" variant="secondary">
            All sites
          </ButtonLink>
        </>
      }
    >
      The address may be mistyped, or the run, site or schedule was deleted. Press Ctrl K (⌘ K on a Mac) to jump to a
      site or run by name.
    </PageProblem>
  )
}
