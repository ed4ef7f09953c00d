// The vocabulary of alerts, shared by the server and the Notifications page (no I/O here).

export const CHANNEL_TYPES = ['email', 'webhook', 'slack', 'discord', 'ntfy'] as const
export type ChannelType = (typeof CHANNEL_TYPES)[number]

export const NOTIFY_EVENTS = [
  'run.failed',
  'run.timed_out',
  'run.succeeded',
  'run.warnings',
  'site.stale',
  'site.recovered',
  'site.unreachable',
  'site.reachable',
  'schedule.skipped',
] as const
export type NotifyEventKind = (typeof NOTIFY_EVENTS)[number]

export const EVENT_LABELS: Record<NotifyEventKind | 'test', string> = {
  'run.failed': 'Backup failed',
  'run.timed_out': 'Backup timed out',
  'run.succeeded': 'Backup succeeded',
  'run.warnings': 'Backup succeeded with warnings',
  'site.stale': 'No recent backup',
  'site.recovered': 'Backed up again',
  'site.unreachable': 'Site not answering',
  'site.reachable': 'Site answering again',
  'schedule.skipped': 'Scheduled backups skipped',
  test: 'Test message',
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** What every channel receives (the webhook's JSON body as is). */
export interface NotifyPayload {
  id: string
  event: NotifyEventKind | 'test'
  occurredAt: string
  site: { id: string; name: string; url: string }
  run?: {
    id: string
    status: string
    errorKind: string | null
    errorMessage: string | null
    warningsCount: number
    archiveName: string | null
    startedAt: string | null
    finishedAt: string | null
    url: string
  }
  details?: Record<string, unknown>
}

export interface ChannelDto {
  id: string
  name: string
  type: ChannelType
  target: string
  events: NotifyEventKind[]
  tags: string[]
  siteIds: string[]
  /** A webhook channel has a signing secret; it is shown once, when the channel is created. */
  hasSecret: boolean
  reminderHours: number
  enabled: boolean
  createdAt: string
  updatedAt: string
}

export interface DeliveryDto {
  id: string
  eventId: string
  channelId: string
  channelName: string
  siteId: string
  event: string
  status: DeliveryStatus
  attempts: number
  nextAttemptAt: string
  /** What the receiver answered last (status line and the start of its body, or the error). */
  lastAnswer: string | null
  lastStatus: number | null
  sentAt: string | null
  createdAt: string
}

export interface TestResult {
  ok: boolean
  status: number | null
  answer: string
}
