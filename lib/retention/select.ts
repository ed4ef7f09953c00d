// What a site keeps and what retention removes. Pure: the site's archives (as last read), the enabled
// policies that cover the site, and now. Safety rules first (no policy overrides them), then each
// policy's keep rules; a site keeps the union of what its policies keep.
import type { ArchiveDto } from '../domain/archives'
import type { RetentionAction, RetentionArchive, RetentionPolicyDto } from '../domain/retention'
import { archiveState } from '../archives/archive-state'
import { runIdFromMarker } from '../engine/marker'
import { isoMonth, isoWeek } from './calendar'

export type PolicyRules = Pick<
  RetentionPolicyDto,
  'id' | 'name' | 'keepLast' | 'keepDays' | 'keepWeekly' | 'keepMonthly' | 'action' | 'includeForeign'
>

export interface Selection {
  keep: RetentionArchive[]
  remove: RetentionArchive[]
  /** The ids of the policies whose action removes each archive in `remove`. */
  removedBy: Map<string, string[]>
}

export const REASON = {
  newestGood: 'newest complete backup with files',
  frozen: 'frozen',
  running: 'running',
  failedNewest: 'failed, newer than the newest good backup',
  foreign: 'not created by Stepwise',
  noFiles: 'no files on the site',
  nothing: 'no policy removes it',
} as const

const DAY = 86_400_000

/** Whether our run marker (or a link to our run) says Stepwise made this record. */
export function isOurs(a: Pick<ArchiveDto, 'runId' | 'comment' | 'description'>): boolean {
  return a.runId !== null || runIdFromMarker(`${a.comment} ${a.description}`) !== null
}

/** When the backup was taken (its start; else its end); -Infinity when the site gave neither. */
export function takenAt(a: Pick<ArchiveDto, 'backupStart' | 'backupEnd'>): number {
  const t = Date.parse(a.backupStart ?? a.backupEnd ?? '')
  return Number.isNaN(t) ? -Infinity : t
}

/** A complete backup whose files are on the site. */
export const isGood = (a: ArchiveDto) => archiveState(a) === 'ok'

/** Newest first; the site's record id breaks ties (a later id is a later backup). */
export function newestFirst<T extends Pick<ArchiveDto, 'backupStart' | 'backupEnd' | 'remoteId'>>(xs: T[]): T[] {
  return [...xs].sort((a, b) => takenAt(b) - takenAt(a) || b.remoteId - a.remoteId)
}

/** What an action can do to this record (a files-only delete needs files; running ones are never touched). */
function actionApplies(action: RetentionAction, a: ArchiveDto): boolean {
  const s = archiveState(a)
  if (action === 'delete_files') return s === 'ok'
  return s !== 'pending'
}

const ACTION_TEXT: Record<RetentionAction, string> = {
  delete_files: 'delete files',
  delete_records: 'delete the backup',
}

/** The archives one policy keeps by its rules, with why (archives it may see only). */
function keptBy(p: PolicyRules, sorted: ArchiveDto[], now: number): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const add = (id: string, why: string) => out.set(id, [...(out.get(id) ?? []), `${why} (policy ${p.name})`])
  const visible = sorted.filter((a) => p.includeForeign || isOurs(a))
  const good = visible.filter(isGood)
  if (p.keepLast) for (const a of good.slice(0, p.keepLast)) add(a.id, `keepLast ${p.keepLast}`)
  if (p.keepDays) {
    const since = now - p.keepDays * DAY
    for (const a of visible) if (takenAt(a) >= since) add(a.id, `within ${p.keepDays} days`)
  }
  const buckets = (n: number | null, key: (t: number) => string, label: string) => {
    if (!n) return
    const seen = new Set<string>()
    for (const a of good) {
      const t = takenAt(a)
      if (t === -Infinity) continue
      const k = key(t)
      if (seen.has(k)) continue
      if (seen.size >= n) break
      seen.add(k)
      add(a.id, `${label} ${k}`)
    }
  }
  buckets(p.keepWeekly, isoWeek, 'weekly')
  buckets(p.keepMonthly, isoMonth, 'monthly')
  return out
}

/** The rules no policy overrides, as reasons per archive id. */
function protectedReasons(sorted: ArchiveDto[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const add = (id: string, why: string) => out.set(id, [...(out.get(id) ?? []), why])
  const newestGood = sorted.find(isGood)
  if (newestGood) add(newestGood.id, REASON.newestGood)
  const goodAt = newestGood ? takenAt(newestGood) : -Infinity
  for (const a of sorted) {
    const s = archiveState(a)
    if (a.frozen) add(a.id, REASON.frozen)
    if (s === 'pending') add(a.id, REASON.running)
    if (s === 'fail' && (takenAt(a) > goodAt || !newestGood)) add(a.id, REASON.failedNewest)
  }
  return out
}

/** One site's archives split into keep and remove under `policies` (the enabled ones covering it). */
export function selectForSite(archives: ArchiveDto[], policies: PolicyRules[], now: number): Selection {
  const sorted = newestFirst(archives.filter((a) => !a.goneFromSite))
  const guard = protectedReasons(sorted)
  const kept = policies.map((p) => keptBy(p, sorted, now))
  const keep: RetentionArchive[] = []
  const remove: RetentionArchive[] = []
  const removedBy = new Map<string, string[]>()
  for (const a of sorted) {
    const ruleReasons = kept.flatMap((k) => k.get(a.id) ?? [])
    const safety = guard.get(a.id) ?? []
    if (safety.length || ruleReasons.length) {
      keep.push({ ...a, reasons: [...safety, ...ruleReasons] })
      continue
    }
    const takers = policies.filter((p) => (p.includeForeign || isOurs(a)) && actionApplies(p.action, a))
    if (takers.length) {
      const action: RetentionAction = takers.some((p) => p.action === 'delete_files')
        ? 'delete_files'
        : 'delete_records'
      const by = takers.filter((p) => p.action === action)
      remove.push({ ...a, action, reasons: by.map((p) => `policy ${p.name}: ${ACTION_TEXT[action]}`) })
      removedBy.set(
        a.id,
        by.map((p) => p.id),
      )
      continue
    }
    const why =
      !isOurs(a) && !policies.some((p) => p.includeForeign)
        ? REASON.foreign
        : archiveState(a) !== 'ok' && policies.every((p) => p.action === 'delete_files')
          ? REASON.noFiles
          : REASON.nothing
    keep.push({ ...a, reasons: [why] })
  }
  return { keep, remove, removedBy }
}
