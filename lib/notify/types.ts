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
  // A site refused a retention delete (lib/retention): said once, then left alone for a week.
  'retention.refused',
  // The fleet-wide daily digest (e-mail channels whose scope is all sites; lib/notify/digest.ts).
  'digest',
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
  'retention.refused': 'Site refuses deletes',
  digest: 'Daily digest',
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

/** What the daily digest says, fixed when the day is claimed (the payload's `details.digest`). */
export interface DigestFacts {
  /** The day in the digest's zone, YYYY-MM-DD. */
  day: string
  timezone: string
  /** The 24 hours it covers. */
  from: string
  to: string
  failures: {
    siteId: string
    siteName: string
    runId: string
    status: string
    errorKind: string | null
    errorMessage: string | null
    finishedAt: string
    url: string
  }[]
  /** All failures in the window (the list holds at most the latest 50). */
  failuresTotal: number
  stale: { siteId: string; siteName: string; lastSuccessAt: string | null; maxAgeHours: number; url: string }[]
  staleTotal: number
  /** Sites with a good backup within their maximum age, of all sites. */
  fresh: number
  sites: number
  dashboardUrl: string
}

export interface ChannelDto {
  id: string
  name: string
  type: ChannelType
  /** E-mail addresses as stored; for URL channels the address with its path and query masked: a
   *  Slack/Discord webhook URL or an ntfy topic is itself the credential, so it never goes back out. */
  target: string
  /** True when `target` is masked (send a new one to change it; leave it out to keep it). */
  targetMasked: boolean
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
