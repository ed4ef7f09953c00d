'use client'

import { LayoutDashboard, RotateCw, ServerCrash } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { Button, ButtonLink } from '@/components/ui/button'
import { PageProblem } from './page-problem'

/** An error boundary's page: plain words, a retry and the way back. The digest ties it to the server log. */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLDivElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <div ref={heading} tabIndex={-1} className="focus:outline-none" role="alert">
      <PageProblem
        icon={ServerCrash}
        title="This page could not be shown"
        actions={
          <>
            <Button variant="primary" icon={RotateCw} onClick={reset}>
              Try again
            </Button>
            <ButtonLink href="/" variant="secondary" icon={LayoutDashboard}>
              Go to the overview
            </ButtonLink>
          </>
        }
      >
        <p>
          Something went wrong while loading it — often the database or a site was briefly unreachable. Backups that
          were running keep running.
        </p>
        {error.digest && (
          <p className="mt-2 text-xs text-slate-500">
            Reference for the server log: <code className="font-mono">{error.digest}</code>
          </p>
        )}
      </PageProblem>
    </div>
  )
}
