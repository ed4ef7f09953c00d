'use client'

import Link from 'next/link'
import { useState } from 'react'
import { TriangleAlert } from 'lucide-react'
import type { RetentionArchive, RetentionPreview, RetentionUnreadable } from '@/lib/domain/retention'
import { archiveState } from '@/lib/archives/archive-state'
import { formatBytes } from '@/lib/format/format'
import { StateBadge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { RelativeTime } from '@/components/ui/time'
import { previewSentence } from './retention-labels'

const SHOWN = 25

function label(a: RetentionArchive): string {
  return a.archiveName || a.description || `backup #${a.remoteId}`
}

/** One list of archives (to remove, or kept) with each archive's reasons. No scroll box: "Show all". */
export function RetentionArchiveList({
  title,
  archives,
  showSite,
  tone,
}: {
  title: string
  archives: RetentionArchive[]
  showSite: boolean
  tone: 'remove' | 'keep'
}) {
  const [all, setAll] = useState(false)
  const sorted = [...archives].sort(
    (a, b) => a.siteName.localeCompare(b.siteName) || (b.backupStart ?? '').localeCompare(a.backupStart ?? ''),
  )
  const rows = all ? sorted : sorted.slice(0, SHOWN)
  return (
    <section aria-label={title} className="min-w-0">
      <h4 className="text-sm font-semibold text-slate-900">
        {title} <span className="font-normal text-slate-500">({archives.length})</span>
      </h4>
      {archives.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">None.</p>
      ) : (
        <ul className="mt-1.5 divide-y divide-slate-100 rounded-md border border-slate-200">
          {rows.map((a) => (
            <li key={a.id} className="flex flex-col gap-1 px-3 py-2 text-sm sm:flex-row sm:items-start sm:gap-3">
              <div className="flex min-w-0 flex-1 flex-col">
                <span className="flex min-w-0 items-center gap-2">
                  <StateBadge state={archiveState(a)} kind="archive" size="sm" />
                  <span className="truncate font-mono text-xs text-slate-700" title={label(a)}>
                    {label(a)}
                  </span>
                </span>
                <span className="mt-0.5 text-xs text-slate-600">
                  {showSite && (
                    <>
                      <Link href={`/sites/${a.siteId}`} className="hover:underline">
                        {a.siteName}
                      </Link>{' '}
                      ·{' '}
                    </>
                  )}
                  <RelativeTime date={a.backupStart} /> · {a.totalSize ? formatBytes(a.totalSize) : '—'}
                </span>
              </div>
              <ul
                aria-label="Reasons"
                className={`flex flex-wrap gap-1 sm:max-w-[55%] sm:justify-end ${tone === 'remove' ? 'text-bad-fg' : 'text-slate-700'}`}
              >
                {a.reasons.map((r) => (
                  <li
                    key={r}
                    className={`rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${tone === 'remove' ? 'bg-bad-bg ring-bad/25' : 'bg-slate-50 ring-slate-200'}`}
                  >
                    {r}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {sorted.length > SHOWN && (
        <Button size="sm" variant="ghost" className="mt-1" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${sorted.length}`}
        </Button>
      )}
    </section>
  )
}

export function UnreadableSites({ sites }: { sites: RetentionUnreadable[] }) {
  if (!sites.length) return null
  return (
    <div className="rounded-md border border-amber-200 bg-warn-bg px-3 py-2 text-sm text-warn-fg">
      <p className="flex items-center gap-1.5 font-medium">
        <TriangleAlert aria-hidden="true" className="size-4 shrink-0" />
        Left out of this pass ({sites.length} site{sites.length === 1 ? '' : 's'}): nothing is removed there
      </p>
      <ul className="mt-1 list-disc pl-5">
        {sites.map((s) => (
          <li key={s.siteId}>
            <Link href={`/sites/${s.siteId}`} className="font-medium hover:underline">
              {s.siteName}
            </Link>
            : {s.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The sentence, the sites left out, then what goes and what stays. */
export function RetentionOutcome({ preview, showSite }: { preview: RetentionPreview; showSite: boolean }) {
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="text-sm font-medium text-slate-900">
        {previewSentence(preview.summary, formatBytes(preview.summary.bytes))}
        {preview.summary.removeCount > 0 && '.'}
      </p>
      <UnreadableSites sites={preview.unreadable ?? []} />
      <RetentionArchiveList title="Would remove" archives={preview.remove} showSite={showSite} tone="remove" />
      <RetentionArchiveList title="Kept" archives={preview.keep} showSite={showSite} tone="keep" />
    </div>
  )
}
