'use client'

import { Ban } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import type { RunDto } from '@/lib/domain/runs'
import { useCancelRun } from './use-run-actions'

/** Cancel with confirmation; optionally also deletes the partial backup on the site. */
export function CancelRunButton({ run }: { run: RunDto }) {
  const cancel = useCancelRun(run.id)
  const [deleteRemote, setDeleteRemote] = useState(true)
  const started = run.status === 'running'
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger" icon={Ban}>
          Cancel backup
        </Button>
      }
      title="Cancel this backup?"
      description={
        started
          ? `Stepwise stops stepping the backup of ${run.siteName} at its next step. The archive will be incomplete.`
          : `The backup of ${run.siteName} has not started yet; it is removed from the queue.`
      }
      confirmLabel="Cancel backup"
      cancelLabel="Keep running"
      onConfirm={() => cancel.mutateAsync(started && deleteRemote)}
    >
      {started && (
        <label className="mt-3 flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={deleteRemote}
            onChange={(e) => setDeleteRemote(e.target.checked)}
            className="mt-0.5 size-4 accent-slate-900"
          />
          <span>Also delete the partial backup on the site</span>
        </label>
      )}
    </ConfirmDialog>
  )
}
