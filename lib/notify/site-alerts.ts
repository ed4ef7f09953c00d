// Watches every site for problems no run reports: no good backup within its maximum age (a schedule
// disabled, the runner down, a site gone), a site that stops answering, scheduled fires skipped in a
// row. Each change is written with its event in one transaction (lib/db/notify-events.ts), once even
// with several runners; a lasting stale or unreachable state is repeated as a reminder, muted per
// channel later.
import { config } from '../config'
import { listChannelRows } from '../db/notify-channels'
import { alertStates, consecutiveSkips, errorKindsOf, flipSiteAlert, remindSiteAlert } from '../db/notify-events'
import { listSites } from '../sites/list-sites'

/** Run errors that mean "the site does not answer us", not "the backup went wrong". */
const UNREACHABLE_KINDS = ['transport', 'auth']

export interface SiteAlertSummary {
  events: number
}

export async function evaluateSiteAlerts(now = new Date()): Promise<SiteAlertSummary> {
  const sites = await listSites()
  if (!sites.length) return { events: 0 }
  const ids = sites.map((s) => s.id)
  const failedRuns = sites
    .filter((s) => s.lastRun && (s.lastRun.status === 'failed' || s.lastRun.status === 'timed_out'))
    .map((s) => s.lastRun!.id)
  const [states, kinds, skips, channels] = await Promise.all([
    alertStates(ids),
    errorKindsOf(failedRuns),
    consecutiveSkips(ids),
    listChannelRows({ enabledOnly: true }),
  ])
  // A site repeats a lasting state as often as its most eager channel wants it; fan-out then mutes
  // the reminder for each channel whose own reminderHours has not passed (lib/notify/routing.ts).
  const reminderMs = (kind: string) =>
    Math.min(24, ...channels.filter((c) => c.events.includes(kind)).map((c) => c.reminderHours)) * 3_600_000
  const staleReminderMs = reminderMs('site.stale')
  const unreachableReminderMs = reminderMs('site.unreachable')
  const skipLimit = config().STEPWISE_ALERT_SKIPS
  let events = 0
  for (const s of sites) {
    const st = states.get(s.id)
    const siteName = s.name
    const maxAgeMs = s.maxBackupAgeHours * 3_600_000
    const since = new Date(s.lastSuccessAt ?? s.createdAt)
    const stale = now.getTime() - since.getTime() > maxAgeMs
    const details = { siteName, maxAgeHours: s.maxBackupAgeHours, lastSuccessAt: s.lastSuccessAt }
    if (stale !== (st?.stale ?? false)) {
      const kind = stale ? 'site.stale' : 'site.recovered'
      if (await flipSiteAlert(s.id, 'stale', !stale, stale, { kind, siteId: s.id, details, occurredAt: now }, now))
        events++
    } else if (stale && st && (!st.lastReminderAt || now.getTime() - st.lastReminderAt.getTime() >= staleReminderMs)) {
      const e = { kind: 'site.stale', siteId: s.id, details: { ...details, reminder: true }, occurredAt: now }
      if (await remindSiteAlert(s.id, st.lastReminderAt, e, now)) events++
    }

    const runKind = s.lastRun ? kinds.get(s.lastRun.id) : undefined
    const reason =
      s.connectionStatus === 'not_connected'
        ? (s.connectionError ?? 'the connection check failed')
        : runKind && UNREACHABLE_KINDS.includes(runKind)
          ? (s.lastRun?.errorMessage ?? runKind)
          : null
    const unreachable = reason !== null
    if (unreachable !== (st?.unreachable ?? false)) {
      const kind = unreachable ? 'site.unreachable' : 'site.reachable'
      const d = unreachable ? { siteName, reason } : { siteName }
      if (
        await flipSiteAlert(
          s.id,
          'unreachable',
          !unreachable,
          unreachable,
          { kind, siteId: s.id, details: d, occurredAt: now },
          now,
        )
      )
        events++
    } else if (
      unreachable &&
      st &&
      (!st.unreachableRemindedAt || now.getTime() - st.unreachableRemindedAt.getTime() >= unreachableReminderMs)
    ) {
      const e = {
        kind: 'site.unreachable',
        siteId: s.id,
        details: { siteName, reason, reminder: true },
        occurredAt: now,
      }
      if (await remindSiteAlert(s.id, st.unreachableRemindedAt, e, now, 'unreachableRemindedAt')) events++
    }

    const n = skips.get(s.id) ?? 0
    const alerted = st?.skipsAlerted ?? false
    if (n >= skipLimit && !alerted) {
      const e = { kind: 'schedule.skipped', siteId: s.id, details: { siteName, skips: n }, occurredAt: now }
      if (await flipSiteAlert(s.id, 'skipsAlerted', false, true, e, now)) events++
    } else if (n < skipLimit && alerted) {
      await flipSiteAlert(s.id, 'skipsAlerted', true, false, null, now)
    }
  }
  return { events }
}
