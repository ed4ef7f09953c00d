// Turns outbox events into deliveries: the payload is fixed once, then one delivery per channel that
// wants the event, is in scope and is not muted by the reminder rule. Several runners may call this
// at once; lib/db/notify-events.ts fanOutEvent makes each event fan out once.
import { listChannelRows } from '../db/notify-channels'
import {
  fanOutEvent,
  lastDeliveredAt,
  previousOutcomeRun,
  runFacts,
  siteFacts,
  unfannedEvents,
  type EventRecord,
} from '../db/notify-events'
import { publicBaseUrl } from '../auth/public-url'
import { digestChannel } from './digest'
import { buildPayload } from './payload'
import { inScope, reminderDue, wants } from './routing'
import type { NotifyEventKind } from './types'

const FAILURE_KINDS = ['run.failed', 'run.timed_out']

async function isRepeat(e: EventRecord): Promise<string[] | null> {
  if (e.details.reminder === true) return [e.kind]
  if (!FAILURE_KINDS.includes(e.kind) || !e.runId) return null
  const run = await runFacts(e.runId)
  if (!run?.finishedAt) return null
  const prev = await previousOutcomeRun(e.siteId, { id: run.id, finishedAt: run.finishedAt })
  // The site was already failing: this failure is a reminder of the same problem.
  return prev && prev.status !== 'succeeded' ? FAILURE_KINDS : null
}

export async function fanOutPending(now = new Date(), max = 100): Promise<number> {
  const events = await unfannedEvents(max)
  if (!events.length) return 0
  const channels = await listChannelRows({ enabledOnly: true })
  const base = publicBaseUrl()
  let created = 0
  for (const e of events) {
    const site = await siteFacts(e.siteId)
    const run = e.runId ? await runFacts(e.runId) : null
    const siteName = typeof e.details.siteName === 'string' ? e.details.siteName : '(deleted site)'
    const payload = buildPayload({
      eventId: e.id,
      kind: e.kind as NotifyEventKind,
      occurredAt: e.occurredAt,
      site: site ?? { id: e.siteId, name: siteName, baseUrl: '' },
      run,
      details: Object.fromEntries(Object.entries(e.details).filter(([k]) => k !== 'siteName')),
      baseUrl: base,
    })
    let targets =
      e.kind === 'digest'
        ? channels.filter(digestChannel)
        : channels.filter((c) => wants(c, e.kind) && inScope(c, { id: e.siteId, tags: site?.tags ?? [] }))
    const repeatKinds = targets.length ? await isRepeat(e) : null
    if (repeatKinds) {
      const last = await lastDeliveredAt(
        e.siteId,
        repeatKinds,
        targets.map((c) => c.id),
      )
      targets = targets.filter((c) => reminderDue(c, last.get(c.id), now))
    }
    const n = await fanOutEvent(
      e.id,
      JSON.stringify(payload),
      targets.map((c) => ({ channelId: c.id, siteId: e.siteId, kind: e.kind })),
      now,
    )
    created += n ?? 0
  }
  return created
}
