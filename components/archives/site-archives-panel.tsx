'use client'

import { useCan } from '@/components/auth/me-provider'
import { Archive, RefreshCw } from 'lucide-react'
import type { ArchiveDto } from '@/lib/domain/archives'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Panel } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/time'
import { ArchivesTable } from './archives-table'
import { useArchives } from './use-archives'
import { useSyncArchives } from './use-archive-actions'

/** The site's backup records as last read from the site, with Refresh (read them again). */
export function SiteArchivesPanel({
  siteId,
  syncedAt,
  connected,
  initialArchives,
}: {
  siteId: string
  syncedAt: string | null
  connected: boolean
  initialArchives: ArchiveDto[]
}) {
  const { data: archives = [] } = useArchives({ siteId }, initialArchives)
  const sync = useSyncArchives(siteId)
  const canSync = useCan('operator')
  return (
    <Panel
      id="archives"
      title="Archive history"
      padded={false}
      description={
        <>
          As listed by the site
          {syncedAt ? (
            <>
              , read <RelativeTime date={syncedAt} />
            </>
          ) : (
            ', not read yet'
          )}
          . Multipart archives download part by part or all in one zip.
        </>
      }
      actions={
        canSync && (
          <Button
            size="sm"
            icon={RefreshCw}
            busy={sync.isPending}
            onClick={() => sync.mutate()}
            disabled={!connected}
            title={connected ? 'Read the backup list from the site again' : 'Re-check the connection first'}
          >
            Refresh
          </Button>
        )
      }
    >
      {sync.isError && (
        <p role="alert" className="border-b border-red-200 bg-bad-bg px-4 py-2 text-sm text-bad-fg sm:px-5">
          {sync.error.message}
        </p>
      )}
      <ArchivesTable
        archives={archives}
        maxHeight="32rem"
        empty={
          <EmptyState
            bare
            icon={Archive}
            title="No archives yet"
            description={
              connected
                ? 'Back up now, or press Refresh to read backups made elsewhere.'
                : 'Connect the site to read its backups.'
            }
          />
        }
      />
    </Panel>
  )
}
