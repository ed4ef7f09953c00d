'use client'

import { useCan } from '@/components/auth/me-provider'
import { FlaskConical, Plus, Server } from 'lucide-react'
import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'

/** First visit: add a real site, or try the demo fleet. */
export function OverviewEmpty() {
  const canAdd = useCan('admin')
  return (
    <EmptyState
      icon={Server}
      title="No sites yet"
      description="Add a Joomla or WordPress site with its Akeeba Backup secret key, and Stepwise checks the connection for you."
      action={
        <div className="flex flex-col items-center gap-5">
          {canAdd ? (
            <ButtonLink href="/sites/new" variant="primary" icon={Plus}>
              Add your first site
            </ButtonLink>
          ) : (
            <p className="text-sm text-slate-600">An admin of this Stepwise adds the sites.</p>
          )}
          <div className="max-w-md rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-left text-sm text-slate-700">
            <p className="flex items-center gap-2 font-semibold text-slate-900">
              <FlaskConical aria-hidden="true" className="size-4" /> Try the demo fleet
            </p>
            <p className="mt-1">
              Stop the server and run{' '}
              <code className="rounded bg-white px-1.5 py-0.5 font-mono text-[13px] ring-1 ring-slate-200">
                npm run demo
              </code>
              . It starts seven simulated Akeeba sites (fast, slow, with warnings, failing, Joomla, multipart), adds
              them here marked “Demo”, and serves the dashboard at http://localhost:3000.
            </p>
          </div>
        </div>
      }
    />
  )
}
