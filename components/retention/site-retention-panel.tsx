'use client'

import Link from 'next/link'
import { Ban } from 'lucide-react'
import { Panel } from '@/components/ui/panel'
import { Spinner } from '@/components/ui/spinner'
import { RelativeTime } from '@/components/ui/time'
import { RetentionOutcome } from './retention-lists'
import { ACTION_SHORT, rulesText } from './retention-labels'
import { useSiteRetention } from './use-retention'

/** On a site's page: which retention policies cover it, and what they keep and would remove now. */
export function SiteRetentionPanel({ siteId }: { siteId: string }) {
  const q = useSiteRetention(siteId)
  return (
    <Panel
      id="retention"
      title="Retention"
      description={
        <>
          Which backups this site keeps, from its list as last read
          {q.data?.syncedAt ? (
            <>
              {' '}
              (<RelativeTime date={q.data.syncedAt} />)
            </>
          ) : null}
          .{' '}
          <Link href="/retention" className="text-blue-700 underline underline-offset-2">
            Policies
          </Link>
        </>
      }
    >
      {q.isPending ? (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> Reading…
        </p>
      ) : q.isError ? (
        <p role="alert" className="text-sm text-bad-fg">
          Could not read this site&apos;s retention: {q.error.message}
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          {q.data.refusesDeletes && (
            <div role="alert" className="rounded-md border border-red-200 bg-bad-bg px-3 py-2 text-sm text-bad-fg">
              <p className="flex items-center gap-1.5 font-medium">
                <Ban aria-hidden="true" className="size-4 shrink-0" /> This site refuses deletes
              </p>
              <p className="mt-0.5 break-words">{q.data.refusesDeletes.message}</p>
              <p className="mt-0.5 text-xs">
                Since <RelativeTime date={q.data.refusesDeletes.at} />; asked again{' '}
                <RelativeTime date={q.data.refusesDeletes.retryAfter} /> or when the connection is re-checked.
              </p>
            </div>
          )}
          {q.data.policies.length === 0 ? (
            <p className="text-sm text-slate-700">
              No enabled retention policy covers this site: it keeps every backup.
            </p>
          ) : (
            <>
              <ul aria-label="Policies that apply" className="flex flex-col gap-1 text-sm">
                {q.data.policies.map((p) => (
                  <li key={p.id}>
                    <span className="font-medium text-slate-900">{p.name}</span>{' '}
                    <span className="text-slate-600">
                      — {rulesText(p)}; {ACTION_SHORT[p.action]}
                    </span>
                  </li>
                ))}
              </ul>
              <RetentionOutcome preview={q.data} showSite={false} />
            </>
          )}
        </div>
      )}
    </Panel>
  )
}
