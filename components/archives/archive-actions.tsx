'use client'

import { useCan } from '@/components/auth/me-provider'
import { DropdownMenu } from 'radix-ui'
import { useState } from 'react'
import { EllipsisVertical, FileX2, Trash2 } from 'lucide-react'
import type { ArchiveDto } from '@/lib/domain/archives'
import { archiveState, isDownloadable } from '@/lib/archives/archive-state'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { ArchiveDownloads } from './archive-downloads'
import { useDeleteArchive } from './use-archive-actions'

const item =
  'flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-slate-100'

/** Download, and the two deletes (each confirmed, naming what it destroys). */
export function ArchiveActions({ archive }: { archive: ArchiveDto }) {
  const [confirm, setConfirm] = useState<'files' | 'record' | null>(null)
  const del = useDeleteArchive()
  const name = archive.archiveName || archive.description || `backup #${archive.remoteId}`
  const canDownload = useCan('operator')
  const isAdmin = useCan('admin')
  const hasFiles = isDownloadable(archive)
  const canDelete = isAdmin && !archive.goneFromSite && archiveState(archive) !== 'pending'
  return (
    <div className="flex items-center justify-end gap-1">
      {hasFiles && canDownload && <ArchiveDownloads archive={archive} />}
      {canDelete && (
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <Button variant="ghost" size="sm" aria-label={`More actions for ${name}`} className="px-1.5">
              <EllipsisVertical aria-hidden="true" className="size-4" />
            </Button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              align="end"
              sideOffset={4}
              className="z-50 min-w-52 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-900/10"
            >
              {hasFiles && (
                <DropdownMenu.Item className={item} onSelect={() => setConfirm('files')}>
                  <FileX2 aria-hidden="true" className="size-4 text-slate-500" /> Delete files on the site…
                </DropdownMenu.Item>
              )}
              <DropdownMenu.Item
                className={`${item} text-red-700 data-[highlighted]:bg-red-50`}
                onSelect={() => setConfirm('record')}
              >
                <Trash2 aria-hidden="true" className="size-4" /> Delete backup on the site…
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
      <ConfirmDialog
        open={confirm === 'files'}
        onOpenChange={(o) => !o && setConfirm(null)}
        title="Delete the archive files?"
        description={
          <>
            Deletes the files of <strong className="break-all">{name}</strong>
            {archive.multipart > 1 ? ` (all ${archive.multipart} parts)` : ''} from <strong>{archive.siteName}</strong>.
            The backup record stays in the history, marked “Files removed”. This cannot be undone.
          </>
        }
        confirmLabel="Delete files"
        onConfirm={() => del.mutateAsync({ id: archive.id, mode: 'files' })}
      />
      <ConfirmDialog
        open={confirm === 'record'}
        onOpenChange={(o) => !o && setConfirm(null)}
        title="Delete this backup?"
        description={
          <>
            Deletes <strong className="break-all">{name}</strong> from <strong>{archive.siteName}</strong>: its files
            and its record. It disappears from the history. This cannot be undone.
          </>
        }
        confirmLabel="Delete backup"
        onConfirm={() => del.mutateAsync({ id: archive.id, mode: 'record' })}
      />
    </div>
  )
}
