'use client'

import { useCan } from '@/components/auth/me-provider'
import Link from 'next/link'
import { useEffect, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { ExternalLink } from 'lucide-react'
import type { ArchiveDto } from '@/lib/domain/archives'
import type { RunDto } from '@/lib/domain/runs'
import type { SiteDto } from '@/lib/domain/sites'
import { archiveKeys, runKeys } from '@/lib/query-keys'
import { ButtonLink } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { domainLabel } from '@/lib/format/domains'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageHeader } from '@/components/ui/page-header'
import { ProgressBar } from '@/components/ui/progress-bar'
import { SiteArchivesPanel } from '@/components/archives/site-archives-panel'
import { SiteRetentionPanel } from '@/components/retention/site-retention-panel'
import { BackUpNow } from './back-up-now'
import { EditSite } from './edit-site'
import { DeleteSiteButton, RecheckButton } from './site-actions'
import { SiteOverview } from './site-overview'
import { SiteRunsPanel } from './site-runs-panel'
import { DemoBadge, platformLine, SiteStateBadge } from './site-labels'
import { shortUrl } from './site-filter'
import { useSite } from './use-site'
import { StaleBanner } from '@/components/ui/stale-banner'

export interface SiteDetailProps {
  initialSite: SiteDto
  initialRuns: RunDto[]
  initialArchives: ArchiveDto[]
  /** Slots the lead fills later (schedules panel, charts); rendered between the overview and the runs. */
  schedules?: React.ReactNode
  charts?: React.ReactNode
}

export function SiteDetail({ initialSite, initialRuns, initialArchives, schedules, charts }: SiteDetailProps) {
  const siteQuery = useSite(initialSite)
  const site = siteQuery.data
  useRefreshWhenRunEnds(site)
  const connected = site.connectionStatus === 'ok'
  const canOperate = useCan('operator')
  const canAdmin = useCan('admin')
  return (
    <>
      <StaleBanner query={siteQuery} what="this site" className="mb-4" />
      <PageHeader
        breadcrumbs={[{ label: 'Sites', href: '/sites' }, { label: site.name }]}
        title={site.name}
        meta={
          <>
            <SiteStateBadge site={site} />
            {site.isDemo && <DemoBadge />}
          </>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
            <a
              href={site.baseUrl}
              target="_blank"
              rel="noreferrer"
              className="inline-flex items-center gap-1 hover:text-slate-900 hover:underline"
            >
              {shortUrl(site.baseUrl)}
              <ExternalLink aria-hidden="true" className="size-3.5" />
            </a>
            <span aria-hidden="true" className="text-slate-300 max-sm:hidden">
              ·
            </span>
            <span>{platformLine(site)}</span>
          </span>
        }
        actions={
          <>
            {canOperate && <BackUpNow site={site} />}
            {canOperate && <RecheckButton site={site} />}
            {canAdmin && <EditSite site={site} />}
            {canAdmin && <DeleteSiteButton site={site} />}
          </>
        }
      />

      <div className="flex flex-col gap-6">
        {!connected && (
          <ErrorPanel
            title={
              site.connectionStatus === 'no_api'
                ? 'Akeeba Backup’s API is not usable on this site'
                : 'Stepwise cannot reach this site'
            }
            message={site.connectionError}
            advice={[
              'Fix the cause above, then re-check the connection. Backups and archive refresh need a working connection.',
            ]}
            actions={canOperate && <RecheckButton site={site} variant="primary" />}
          />
        )}

        {site.activeRun && (
          <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:gap-6 sm:p-5">
            <ProgressBar
              size="lg"
              className="flex-1"
              live={site.activeRun.status === 'running'}
              value={site.activeRun.status === 'queued' ? null : site.activeRun.progress}
              label={
                site.activeRun.status === 'queued'
                  ? 'Queued: waiting for a free slot'
                  : `Backing up · ${domainLabel(site.activeRun.domain) || 'Starting'}`
              }
            />
            <ButtonLink href={`/runs/${site.activeRun.id}`} variant="primary">
              Watch live
            </ButtonLink>
          </Card>
        )}

        {connected && site.backupState === 'failed' && site.lastRun && (
          <ErrorPanel
            title="The last backup failed"
            message={site.lastRun.errorMessage}
            actions={
              <ButtonLink href={`/runs/${site.lastRun.id}`} size="sm" variant="secondary">
                Open the run
              </ButtonLink>
            }
          />
        )}

        <section aria-label="Overview">
          <SiteOverview site={site} />
        </section>

        {/* Schedules panel (inserted by the lead). */}
        {schedules && <section aria-label="Schedules">{schedules}</section>}

        {/* Charts (inserted by the lead). */}
        {charts && <section aria-label="Charts">{charts}</section>}

        <SiteRunsPanel siteId={site.id} initialRuns={initialRuns} />

        <SiteArchivesPanel
          siteId={site.id}
          syncedAt={site.archivesSyncedAt}
          connected={connected}
          initialArchives={initialArchives}
        />

        <SiteRetentionPanel siteId={site.id} />

        <p className="text-[13px] text-slate-500">
          Looking for every site’s archives?{' '}
          <Link href="/archives" className="text-blue-700 underline underline-offset-2">
            Archives
          </Link>
        </p>
      </div>
    </>
  )
}

/** When the live run ends, its run row and its archive appear: fetch both once. */
function useRefreshWhenRunEnds(site: SiteDto) {
  const qc = useQueryClient()
  const prev = useRef(site.activeRun?.id ?? null)
  useEffect(() => {
    const now = site.activeRun?.id ?? null
    if (prev.current && prev.current !== now) {
      void qc.invalidateQueries({ queryKey: runKeys.list({ siteId: site.id }) })
      void qc.invalidateQueries({ queryKey: archiveKeys.list({ siteId: site.id }) })
    }
    prev.current = now
  }, [site.activeRun?.id, site.id, qc])
}
