// What each alert says, in words, for every channel type. Pure: the same payload gives the same text.
import { linkOf } from './payload'
import { EVENT_LABELS, type DigestFacts, type NotifyPayload } from './types'

export type Severity = 'bad' | 'warn' | 'good' | 'info'

export function severityOf(event: NotifyPayload['event']): Severity {
  switch (event) {
    case 'run.failed':
    case 'run.timed_out':
    case 'site.stale':
    case 'site.unreachable':
      return 'bad'
    case 'run.warnings':
    case 'schedule.skipped':
    case 'retention.refused':
      return 'warn'
    case 'run.succeeded':
    case 'site.recovered':
    case 'site.reachable':
      return 'good'
    default:
      return 'info'
  }
}

export function titleOf(p: NotifyPayload): string {
  if (p.event === 'digest')
    return `${EVENT_LABELS.digest}: ${(p.details?.digest as DigestFacts | undefined)?.day ?? ''}`
  const reminder = p.details?.reminder === true ? ' (reminder)' : ''
  return `${EVENT_LABELS[p.event] ?? p.event}: ${p.site.name}${reminder}`
}

const hours = (h: unknown) => (typeof h === 'number' ? `${Math.round(h)} h` : 'unknown')

/** Plain sentences: what happened and what to look at. */
export function linesOf(p: NotifyPayload): string[] {
  const d = p.details ?? {}
  const out: string[] = []
  switch (p.event) {
    case 'run.failed':
    case 'run.timed_out':
      out.push(`The backup of ${p.site.name} (${p.site.url}) ${p.event === 'run.failed' ? 'failed' : 'timed out'}.`)
      if (p.run?.errorMessage) out.push(`Error${p.run.errorKind ? ` (${p.run.errorKind})` : ''}: ${p.run.errorMessage}`)
      break
    case 'run.succeeded':
    case 'run.warnings':
      out.push(`The backup of ${p.site.name} (${p.site.url}) finished.`)
      if (p.run?.archiveName) out.push(`Archive: ${p.run.archiveName}`)
      if (p.run?.warningsCount) out.push(`Warnings: ${p.run.warningsCount}`)
      break
    case 'site.stale':
      out.push(
        `${p.site.name} (${p.site.url}) has no good backup within its maximum age of ${hours(d.maxAgeHours)}.`,
        typeof d.lastSuccessAt === 'string' ? `Last good backup: ${d.lastSuccessAt}` : 'It was never backed up.',
      )
      break
    case 'site.recovered':
      out.push(`${p.site.name} (${p.site.url}) has a good backup again.`)
      break
    case 'site.unreachable':
      out.push(`Stepwise cannot reach ${p.site.name} (${p.site.url}).`)
      if (typeof d.reason === 'string') out.push(`Reason: ${d.reason}`)
      break
    case 'site.reachable':
      out.push(`${p.site.name} (${p.site.url}) answers again.`)
      break
    case 'schedule.skipped':
      out.push(
        `Scheduled backups of ${p.site.name} were skipped ${typeof d.skips === 'number' ? d.skips : 'several'} times in a row (the site was busy).`,
      )
      break
    case 'retention.refused':
      out.push(
        `${p.site.name} (${p.site.url}) refused to delete old backups for retention; its disk keeps filling up.`,
        typeof d.message === 'string' ? `Its answer: ${d.message}` : 'It gave no reason.',
        `Stepwise will not ask it again before ${typeof d.retryAfter === 'string' ? d.retryAfter : 'next week'} (or until the site is re-checked).`,
      )
      break
    case 'digest': {
      const g = d.digest as DigestFacts | undefined
      if (g)
        out.push(
          `${g.fresh} of ${g.sites} sites backed up within their maximum age.`,
          `${g.failuresTotal} failed backups in the last 24 hours; ${g.staleTotal} sites without a recent backup.`,
        )
      break
    }
    default:
      out.push(`A test message from Stepwise for ${p.site.name}. If you read this, the channel works.`)
  }
  return out
}

export function buttonLabelOf(p: NotifyPayload): string {
  if (p.event === 'digest') return 'Open Stepwise'
  return p.run ? 'Open the run' : 'Open the site'
}

export { linkOf }
