// Plain words for a retention policy's scope, rules and action (the list, the site panel, tests).
import type { RetentionAction, RetentionPolicyDto } from '@/lib/domain/retention'

export const ACTION_LABELS: Record<RetentionAction, string> = {
  delete_files: 'Delete the archive files (the record stays)',
  delete_records: 'Delete the whole backup (record and files)',
}

export const ACTION_SHORT: Record<RetentionAction, string> = {
  delete_files: 'deletes files',
  delete_records: 'deletes backups',
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** "keep the last 7 · every backup of 30 days · 4 weekly · 6 monthly" */
export function rulesText(p: Pick<RetentionPolicyDto, 'keepLast' | 'keepDays' | 'keepWeekly' | 'keepMonthly'>): string {
  const parts: string[] = []
  if (p.keepLast) parts.push(`the last ${p.keepLast}`)
  if (p.keepDays) parts.push(`every backup of the last ${plural(p.keepDays, 'day')}`)
  if (p.keepWeekly) parts.push(`one a week for ${plural(p.keepWeekly, 'week')}`)
  if (p.keepMonthly) parts.push(`one a month for ${plural(p.keepMonthly, 'month')}`)
  return parts.length ? `Keeps ${parts.join(', ')}` : 'Keeps only what the safety rules keep'
}

export function scopeText(
  p: Pick<RetentionPolicyDto, 'tags' | 'siteIds'>,
  siteName: (id: string) => string | undefined = () => undefined,
): string {
  const bits: string[] = []
  if (p.siteIds.length) {
    const names = p.siteIds.map((id) => siteName(id) ?? 'a removed site')
    bits.push(names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`)
  }
  if (p.tags.length) bits.push(`sites tagged ${p.tags.join(', ')}`)
  return bits.length ? bits.join('; ') : 'Every site'
}

/** "Would remove 14 archives on 6 sites, free 2.3 GB" */
export function previewSentence(s: { removeCount: number; siteCount: number }, bytes: string): string {
  if (s.removeCount === 0) return 'Would remove nothing now'
  return `Would remove ${plural(s.removeCount, 'archive')} on ${plural(s.siteCount, 'site')}, free ${bytes}`
}
