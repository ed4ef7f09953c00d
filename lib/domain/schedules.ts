// What the API and pages show for a schedule and its history: the shapes lib and components share.

export type SiteLastResult =
  | { kind: 'run'; runId: string; status: string; scheduledFor: string | null; at: string; errorMessage: string | null }
  | { kind: 'skipped'; reason: string; scheduledFor: string | null; at: string; runId: string | null }

export interface ScheduleSiteDto {
  siteId: string
  siteName: string
  offsetSeconds: number
  nextStartAt: string | null
  last: SiteLastResult | null
}

export interface ScheduleDto {
  id: string
  name: string
  siteId: string | null
  siteName: string | null
  siteIsDemo: boolean
  tag: string | null
  cron: string
  cronText: string
  timezone: string
  profileId: number | null
  descriptionTemplate: string | null
  enabled: boolean
  runOnce: boolean
  staggerMinutes: number
  changedBy: string | null
  changeReason: string | null
  changedAt: string | null
  nextFireAt: string | null
  lastFireAt: string | null
  createdAt: string
  updatedAt: string
  /** The next few fires of the rule (schedule level, before staggering). */
  upcoming: string[]
  sites: ScheduleSiteDto[]
}

export type ScheduleEventAction =
  | 'schedule.skipped'
  | 'schedule.missed'
  | 'schedule.catch_up'
  | 'schedule.run_once_done'
  | 'schedule.created'
  | 'schedule.updated'
  | 'schedule.enabled'
  | 'schedule.disabled'
  | 'schedule.deleted'

/** One entry of a schedule's history (an audit event with its schedule). */
export interface ScheduleEvent {
  id: string
  at: string
  action: string
  actor: string | null
  siteId: string | null
  runId: string | null
  scheduleId: string
  /** The fire it is about (null for changes such as created or edited). */
  scheduledFor: string | null
  details: Record<string, unknown>
}
