import type { ReactNode } from 'react'
import type { SiteDto } from '@/lib/domain/sites'
import { Card } from '@/components/ui/card'
import { RelativeTime } from '@/components/ui/time'
import { ageLabel, platformLine } from './site-labels'

/** The facts about a site in one card: backups, settings, connection. */
export function SiteOverview({ site }: { site: SiteDto }) {
  const profile = site.profiles.find((p) => p.id === site.defaultProfileId)
  const rows: [string, ReactNode][] = [
    ['Last good backup', <RelativeTime key="l" date={site.lastSuccessAt} fallback="Never" />],
    ['Next scheduled', <RelativeTime key="n" date={site.nextBackupAt} fallback="No schedule" />],
    ['Maximum age', ageLabel(site.maxBackupAgeHours)],
    ['Default profile', profile ? `#${profile.id} ${profile.name}` : `#${site.defaultProfileId}`],
    ['Profiles', site.profiles.length ? site.profiles.map((p) => `#${p.id} ${p.name}`).join(', ') : '—'],
    ['Platform', platformLine(site)],
    ['API level', site.apiLevel ?? '—'],
    [
      'Endpoint',
      site.endpointUrl ? (
        <span key="e" className="font-mono text-[13px] break-all">
          {site.endpointUrl}
        </span>
      ) : (
        'Not detected'
      ),
    ],
    ['Connection checked', <RelativeTime key="c" date={site.lastCheckedAt} fallback="Never" />],
    // Read on add, re-check, after every run and in the background (STEPWISE_ARCHIVE_SYNC_HOURS).
    ['Archive list read', <RelativeTime key="a" date={site.archivesSyncedAt} fallback="Not yet" />],
    ['Host group', site.hostGroup ?? '—'],
    ['Tags', site.tags.length ? site.tags.join(', ') : '—'],
  ]
  return (
    <Card className="p-4 sm:p-5">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm lg:grid-cols-3">
        {rows.map(([k, v]) => (
          <div
            key={k}
            className={k === 'Endpoint' || k === 'Profiles' ? 'col-span-2 min-w-0 lg:col-span-1' : 'min-w-0'}
          >
            <dt className="text-[13px] text-slate-500">{k}</dt>
            <dd className="mt-0.5 text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}
