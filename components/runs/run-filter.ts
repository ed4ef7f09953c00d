// The /runs page's filters live in the URL query (siteId, status, trigger, since, until as
// YYYY-MM-DD) and the table's sort. This turns them into the GET /api/runs filter, on the server and in the browser.
import { ACTIVE_RUN_STATUSES, isRunStatus } from '@/lib/domain/run-status'
import { parseSort, sortParam } from '@/components/ui/sort-param'

export interface RunsPageFilter {
  siteId?: string
  status?: string
  trigger?: string
  since?: string
  until?: string
  /** The table's sort, `column:asc|desc` (applied in the browser; the API answers newest first). */
  sort?: string
}

/** Columns of the runs table that sort. */
export const RUN_SORT_KEYS = ['status', 'site', 'trigger', 'started', 'took'] as const

export const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: ACTIVE_RUN_STATUSES.join(','), label: 'Active' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'failed,timed_out', label: 'Failed or timed out' },
  { value: 'cancelled', label: 'Cancelled' },
] as const

export const TRIGGER_OPTIONS = [
  { value: '', label: 'Any trigger' },
  { value: 'manual', label: 'Manual' },
  { value: 'bulk', label: 'Bulk' },
  { value: 'schedule', label: 'Schedule' },
  { value: 'api', label: 'API' },
  { value: 'demo', label: 'Demo' },
] as const

const DAY = /^\d{4}-\d{2}-\d{2}$/
const TRIGGERS = new Set(['manual', 'bulk', 'schedule', 'api', 'demo'])

/** Keeps only valid values, so a hand-edited URL never makes the API answer 400. */
export function readRunsFilter(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): RunsPageFilter {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k]
    return (Array.isArray(v) ? v[0] : v) ?? undefined
  }
  const status = get('status')?.split(',').filter(isRunStatus).join(',')
  const trigger = get('trigger')
  const since = get('since')
  const until = get('until')
  return {
    siteId: get('siteId') || undefined,
    status: status || undefined,
    trigger: trigger && TRIGGERS.has(trigger) ? trigger : undefined,
    since: since && DAY.test(since) ? since : undefined,
    until: until && DAY.test(until) ? until : undefined,
    sort: sortParam(parseSort(get('sort'), RUN_SORT_KEYS)),
  }
}

/** The API filter: whole days in UTC, `until` inclusive. */
export function toApiFilter(f: RunsPageFilter): Record<string, string | undefined> {
  return {
    siteId: f.siteId,
    status: f.status,
    trigger: f.trigger,
    since: f.since ? `${f.since}T00:00:00.000Z` : undefined,
    until: f.until ? `${f.until}T23:59:59.999Z` : undefined,
    limit: '200',
  }
}

export function filterQuery(f: RunsPageFilter): string {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v) qs.set(k, v)
  return qs.toString()
}
