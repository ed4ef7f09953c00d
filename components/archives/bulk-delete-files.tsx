'use client'

import { useState } from 'react'
import { CircleCheck, CircleX, FileX2, X } from 'lucide-react'
import { useMutation } from '@tanstack/react-query'
import type { ArchiveDto } from '@/lib/domain/archives'
import type { BulkDeleteFilesResult } from '@/lib/archives/bulk-input'
import { apiPost } from '@/lib/api/client-fetch'
import { formatBytes } from '@/lib/format/format'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { useInvalidateArchives } from './use-archive-actions'

function label(a: Pick<ArchiveDto, 'archiveName' | 'description' | 'remoteId'>): string {
  return a.archiveName || a.description || `backup #${a.remoteId}`
}

/** The bar above the archives while some are chosen: how many, their size, and "Delete files…". */
export function BulkDeleteBar({
  chosen,
  onClear,
  onDone,
}: {
  chosen: ArchiveDto[]
  onClear: () => void
  onDone: (r: BulkDeleteFilesResult) => void
}) {
  const [open, setOpen] = useState(false)
  const invalidate = useInvalidateArchives()
  const del = useMutation({
    mutationFn: (ids: string[]) => apiPost<BulkDeleteFilesResult>('/api/archives/delete-files', { ids }),
    onSettled: invalidate,
  })
  const total = chosen.reduce((n, a) => n + a.totalSize, 0)
  const sites = new Set(chosen.map((a) => a.siteId)).size
  const n = chosen.length
  const what = `${n} archive${n === 1 ? '' : 's'}`
  return (
    <div
      role="region"
      aria-label="Chosen archives"
      className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2"
    >
      <span className="text-sm font-medium text-slate-900">
        {n} chosen · {formatBytes(total)}
      </span>
      <div className="ml-auto flex gap-2">
        <Button size="sm" variant="ghost" icon={X} onClick={onClear}>
          Clear
        </Button>
        <Button size="sm" variant="danger" icon={FileX2} onClick={() => setOpen(true)}>
          Delete files…
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete the files of ${what}?`}
        description={
          <>
            Deletes the archive files of <strong>{what}</strong> ({formatBytes(total)}) on{' '}
            <strong>
              {sites} site{sites === 1 ? '' : 's'}
            </strong>
            . The backup records stay in the history, marked “Files removed”. This cannot be undone.
          </>
        }
        confirmLabel={`Delete files of ${what}`}
        onConfirm={async () => {
          const r = await del.mutateAsync(chosen.map((a) => a.id))
          onDone(r)
        }}
      >
        <ul className="mt-3 max-h-40 space-y-0.5 overflow-y-auto rounded border border-slate-200 p-2 text-xs text-slate-700">
          {chosen.map((a) => (
            <li key={a.id} className="flex flex-wrap gap-x-2">
              <span className="min-w-0 basis-full truncate font-mono sm:flex-1 sm:basis-auto" title={label(a)}>
                {label(a)}
              </span>
              <span className="shrink-0 text-slate-500">{a.siteName}</span>
              <span className="ml-auto w-16 shrink-0 text-right tabular-nums">{formatBytes(a.totalSize)}</span>
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  )
}

/** What a bulk delete did, archive by archive; a site that refused says so in its own words. */
export function BulkDeleteOutcome({ result, onClose }: { result: BulkDeleteFilesResult; onClose: () => void }) {
  const failed = result.results.filter((r) => !r.ok)
  const summary =
    `Deleted the files of ${result.deleted} of ${result.results.length} archive${result.results.length === 1 ? '' : 's'}` +
    (result.deleted ? `, freeing ${formatBytes(result.freedBytes)}` : '') +
    (failed.length ? `; ${failed.length} not deleted.` : '.')
  return (
    <section
      aria-label="Delete files outcome"
      className={`border-b px-3 py-3 text-sm ${failed.length ? 'border-red-200 bg-bad-bg/60' : 'border-green-200 bg-ok-bg/60'}`}
    >
      <div className="flex items-start gap-2">
        <p role="status" className="flex-1 font-medium text-slate-900">
          {summary}
        </p>
        <Button size="sm" variant="ghost" icon={X} onClick={onClose} aria-label="Dismiss" className="px-1.5" />
      </div>
      <ul className="mt-2 space-y-1">
        {result.results.map((r) => (
          <li key={r.id} className="flex items-start gap-2">
            {r.ok ? (
              <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-ok-fg" />
            ) : (
              <CircleX aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-bad-fg" />
            )}
            <span className="min-w-0 flex-1 break-words">
              <span className="font-mono text-xs">{r.name}</span>
              {r.siteName && <span className="text-slate-600"> on {r.siteName}</span>}
              {r.ok ? (
                <span className="text-ok-fg"> — files deleted</span>
              ) : (
                <span className="block text-bad-fg">{r.message ?? 'Not deleted.'}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
