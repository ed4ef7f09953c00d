import type { SiteDto } from '@/lib/domain/sites'
import { StateBadge } from '@/components/ui/badge'
import { domainLabel } from '@/lib/format/domains'

const PLATFORMS: Record<string, string> = {
  wordpress: 'WordPress',
  joomla: 'Joomla',
  joomla3: 'Joomla 3',
  solo: 'Akeeba Solo',
}

export function platformLabel(p: string | null): string {
  return p ? (PLATFORMS[p] ?? p) : '—'
}

/** "WordPress · Akeeba 9.1.1 Pro" */
export function platformLine(s: Pick<SiteDto, 'platform' | 'akeebaVersion' | 'edition'>): string {
  if (!s.platform) return 'Not detected'
  const v = s.akeebaVersion ? ` · Akeeba ${s.akeebaVersion}${s.edition ? ` ${s.edition}` : ''}` : ''
  return `${platformLabel(s.platform)}${v}`
}

/** Why a site is in its state, for hover and the site header. */
function stateReason(s: SiteDto): string | undefined {
  if (s.backupState === 'not_connected' || s.backupState === 'no_api') return s.connectionError ?? undefined
  if (s.backupState === 'failed') return s.lastRun?.errorMessage ?? undefined
  if (s.backupState === 'too_old') return `The last good backup is older than ${ageLabel(s.maxBackupAgeHours)}.`
  if (s.backupState === 'obsolete')
    return "The last good backup's archive files are no longer on the site (the record is kept). The site's own Akeeba quota may have removed them, or someone deleted them: back up again to have a downloadable copy."
  return undefined
}

export function ageLabel(hours: number): string {
  if (hours % 24 === 0) return `${hours / 24} day${hours === 24 ? '' : 's'}`
  return `${hours} hour${hours === 1 ? '' : 's'}`
}

/** The site's state badge; a running site shows its stage and percent. */
export function SiteStateBadge({ site, size }: { site: SiteDto; size?: 'sm' | 'md' }) {
  const run = site.activeRun
  if (run && site.backupState === 'running') {
    const stage = domainLabel(run.domain)
    return (
      <StateBadge
        state="running"
        kind="site"
        live
        size={size}
        label={`${stage || 'Running'} · ${Math.round(run.progress)}%`}
      />
    )
  }
  if (run?.status === 'queued') {
    return <StateBadge state="queued" kind="run" size={size} title="A backup is waiting for a free slot" />
  }
  return <StateBadge state={site.backupState} kind="site" size={size} title={stateReason(site)} />
}

export { DemoBadge } from '@/components/ui/demo-badge'
