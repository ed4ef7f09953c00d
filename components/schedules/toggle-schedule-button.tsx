'use client'

import { useState } from 'react'
import { Pause, Play } from 'lucide-react'
import { Button, type ButtonSize } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { TextField } from '@/components/ui/field'
import type { ScheduleDto } from '@/lib/domain/schedules'
import { useUpdateSchedule } from './use-schedules'

/** Enable or disable with a reason; the reason and who did it (the signed-in user) are shown with the state. */
export function ToggleScheduleButton({ s, size = 'md' }: { s: ScheduleDto; size?: ButtonSize }) {
  const update = useUpdateSchedule(s.id)
  const [reason, setReason] = useState('')
  const enabling = !s.enabled
  return (
    <ConfirmDialog
      trigger={
        <Button
          size={size}
          variant="secondary"
          icon={enabling ? Play : Pause}
          aria-label={enabling ? 'Enable' : 'Disable'}
        >
          <span className={size === 'sm' ? 'hidden sm:inline' : undefined}>{enabling ? 'Enable' : 'Disable'}</span>
        </Button>
      }
      tone={enabling ? 'primary' : 'danger'}
      title={enabling ? `Enable “${s.name}”?` : `Disable “${s.name}”?`}
      description={
        enabling
          ? 'It fires again from its next match. Fires missed while it was disabled do not run.'
          : `No scheduled backups start for ${s.siteId ? (s.siteName ?? 'this site') : `the ${s.sites.length} sites tagged ${s.tag}`} until it is enabled again.`
      }
      confirmLabel={enabling ? 'Enable schedule' : 'Disable schedule'}
      onConfirm={() => update.mutateAsync({ enabled: enabling, reason: reason.trim() || undefined })}
    >
      <div className="mt-4 flex flex-col gap-3">
        <TextField
          label="Reason"
          placeholder={enabling ? 'e.g. client is back' : 'e.g. site migration this week'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
        />
      </div>
    </ConfirmDialog>
  )
}
