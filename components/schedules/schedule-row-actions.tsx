'use client'

import { useCan } from '@/components/auth/me-provider'
import { Pencil } from 'lucide-react'
import { ButtonLink } from '@/components/ui/button'
import type { ScheduleDto } from '@/lib/domain/schedules'
import { ToggleScheduleButton } from './toggle-schedule-button'

export function ScheduleRowActions({ s }: { s: ScheduleDto }) {
  if (!useCan('admin')) return null
  return (
    <span className="inline-flex items-center justify-end gap-1.5">
      <ToggleScheduleButton s={s} size="sm" />
      <ButtonLink
        href={`/schedules/${s.id}/edit`}
        size="sm"
        variant="ghost"
        icon={Pencil}
        aria-label={`Edit ${s.name}`}
      >
        <span className="hidden sm:inline">Edit</span>
      </ButtonLink>
    </span>
  )
}
