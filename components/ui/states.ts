import {
  Activity,
  ArchiveX,
  Ban,
  CircleCheck,
  CircleDashed,
  CircleHelp,
  CircleX,
  Clock,
  Cloud,
  History,
  Hourglass,
  ServerOff,
  Unplug,
  type LucideIcon,
} from 'lucide-react'
import type { RunStatus } from '@/lib/domain/run-status'
import type { ArchiveState, SiteBackupState } from '@/lib/domain/site-state'
import type { Tone } from './tone'

export interface StateMeta {
  label: string
  tone: Tone
  icon: LucideIcon
}

export const runStatusMeta: Record<RunStatus, StateMeta> = {
  queued: { label: 'Queued', tone: 'idle', icon: Clock },
  running: { label: 'Running', tone: 'live', icon: Activity },
  succeeded: { label: 'Succeeded', tone: 'ok', icon: CircleCheck },
  failed: { label: 'Failed', tone: 'bad', icon: CircleX },
  cancelled: { label: 'Cancelled', tone: 'idle', icon: Ban },
  timed_out: { label: 'Timed out', tone: 'bad', icon: Hourglass },
}

export const siteBackupStateMeta: Record<SiteBackupState, StateMeta> = {
  not_connected: { label: 'Not connected', tone: 'bad', icon: Unplug },
  no_api: { label: 'API unavailable', tone: 'bad', icon: ServerOff },
  never: { label: 'Never backed up', tone: 'idle', icon: CircleDashed },
  ok: { label: 'Backed up', tone: 'ok', icon: CircleCheck },
  too_old: { label: 'Too old', tone: 'warn', icon: History },
  failed: { label: 'Failed', tone: 'bad', icon: CircleX },
  running: { label: 'Running', tone: 'live', icon: Activity },
  obsolete: { label: 'Files removed', tone: 'warn', icon: ArchiveX },
  unknown: { label: 'Unknown', tone: 'idle', icon: CircleHelp },
}

export const archiveStateMeta: Record<ArchiveState, StateMeta> = {
  ok: { label: 'Available', tone: 'ok', icon: CircleCheck },
  remote: { label: 'Remote storage', tone: 'ok', icon: Cloud },
  obsolete: { label: 'Files removed', tone: 'idle', icon: ArchiveX },
  pending: { label: 'In progress', tone: 'live', icon: Activity },
  fail: { label: 'Failed', tone: 'bad', icon: CircleX },
}

export type StateKind = 'run' | 'site' | 'archive'

const tables: Record<StateKind, Record<string, StateMeta>> = {
  run: runStatusMeta,
  site: siteBackupStateMeta,
  archive: archiveStateMeta,
}

/**
 * Label, tone and icon for a state key. Without `kind`, run statuses are tried first, then site
 * states. An unknown key never throws: it is shown as sent, in grey.
 */
export function stateMeta(state: string | null | undefined, kind?: StateKind): StateMeta {
  const key = state ?? 'unknown'
  const found = kind
    ? tables[kind][key]
    : ((runStatusMeta as Record<string, StateMeta>)[key] ?? (siteBackupStateMeta as Record<string, StateMeta>)[key])
  if (found) return found
  return { label: state ? humanize(state) : 'Unknown', tone: 'idle', icon: CircleHelp }
}

function humanize(key: string): string {
  const text = key.replace(/[_-]+/g, ' ').trim()
  return text.charAt(0).toUpperCase() + text.slice(1)
}
