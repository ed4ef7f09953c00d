'use client'

import Link from 'next/link'
import { X } from 'lucide-react'
import { StateBadge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/progress-bar'
import { isActiveRunStatus } from '@/lib/domain/run-status'
import type { RunDto } from '@/lib/domain/runs'
import type { BulkResult } from './use-bulk-backup'

/** What a bulk action queued (with each run's live state) and what it skipped, and why. */
export function BulkResultView({
  result,
  live,
  onDismiss,
}: {
  result: BulkResult
  live: ReadonlyMap<string, RunDto>
  onDismiss: () => void
}) {
  const runs = result.queued.map((q) => live.get(q.id) ?? q)
  const done = runs.filter((r) => !isActiveRunStatus(r.status)).length
  return (
    <section aria-label="Bulk backup result" className="border-b border-slate-200 bg-slate-50/70 px-4 py-3 sm:px-5">
      <div className="flex items-start justify-between gap-3">
        <p className="text-sm text-slate-800" aria-live="polite">
          <strong className="font-semibold">
            Queued {result.queued.length} backup{result.queued.length === 1 ? '' : 's'}
          </strong>
          {result.queued.length > 0 && (
            <>
              {' '}
              · {done} of {result.queued.length} finished
            </>
          )}
          {result.skipped.length > 0 && <> · skipped {result.skipped.length}</>}
        </p>
        <Button size="sm" variant="ghost" icon={X} onClick={onDismiss} aria-label="Dismiss the result">
          Dismiss
        </Button>
      </div>
      {runs.length > 0 && (
        <ul className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {runs.map((r) => (
            <li key={r.id} className="flex min-w-0 items-center gap-3" data-testid="bulk-queued">
              <Link
                href={`/runs/${r.id}`}
                className="w-32 shrink-0 truncate text-sm font-medium text-slate-900 hover:underline sm:w-40"
              >
                {r.siteName}
              </Link>
              <ProgressBar
                value={r.status === 'queued' ? null : r.status === 'succeeded' ? 100 : r.progress}
                state={r.status}
                live={r.status === 'running'}
                className="min-w-0 flex-1"
                label={`${r.siteName} progress`}
              />
              <StateBadge
                state={r.status}
                kind="run"
                live={r.status === 'running'}
                size="sm"
                className="w-24 justify-center"
              />
            </li>
          ))}
        </ul>
      )}
      {result.skipped.length > 0 && (
        <ul className="mt-2 space-y-0.5 text-sm text-slate-600">
          {result.skipped.map((s) => (
            <li key={s.siteId} data-testid="bulk-skipped">
              <span className="font-medium text-slate-800">{s.siteName}</span> skipped: {s.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
