'use client'

import { useMemo, useState } from 'react'
import { Archive, RefreshCw, X } from 'lucide-react'
import type { ArchiveDto } from '@/lib/domain/archives'
import { archiveState } from '@/lib/archives/archive-state'
import type { ArchiveState } from '@/lib/domain/site-state'
import { archiveStateMeta } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Select } from '@/components/ui/field'
import { formatBytes } from '@/lib/format/format'
import { PageHeader } from '@/components/ui/page-header'
import { ArchivesTable } from './archives-table'
import { useArchives } from './use-archives'

const STATES = Object.keys(archiveStateMeta) as ArchiveState[]

/** Every site's archives as last read from the sites; filter by site and status. */
export function FleetArchives({
  initialArchives,
  initialSiteId,
}: {
  initialArchives: ArchiveDto[]
  initialSiteId?: string
}) {
  const query = useArchives({}, initialArchives)
  const archives = useMemo(() => query.data ?? [], [query.data])
  const [siteId, setSiteId] = useState(initialSiteId ?? '')
  const [state, setState] = useState('')
  const sites = useMemo(() => {
    const m = new Map<string, string>()
    archives.forEach((a) => m.set(a.siteId, a.siteName))
    return [...m].sort((a, b) => a[1].localeCompare(b[1]))
  }, [archives])
  const rows = useMemo(
    () => archives.filter((a) => (!siteId || a.siteId === siteId) && (!state || archiveState(a) === state)),
    [archives, siteId, state],
  )
  const available = rows.filter((a) => archiveState(a) === 'ok')
  const total = available.reduce((n, a) => n + a.totalSize, 0)

  return (
    <>
      <PageHeader
        title="Archives"
        description="Backups listed by your sites, as last read. Refresh a site's list on its page."
        actions={
          <Button icon={RefreshCw} busy={query.isFetching} onClick={() => query.refetch()}>
            Reload
          </Button>
        }
      />
      {archives.length === 0 ? (
        <EmptyState
          icon={Archive}
          title="No archives yet"
          description="Archives appear here after a backup finishes, or when you press Refresh in a site's archive history."
          action={{ label: 'Go to sites', href: '/sites' }}
        />
      ) : (
        <Card>
          <div className="flex flex-col gap-2 border-b border-slate-200 p-3 sm:flex-row sm:flex-wrap sm:items-center">
            <div className="grid grid-cols-2 gap-2 sm:flex">
              <label className="contents">
                <span className="sr-only">Site</span>
                <Select value={siteId} onChange={(e) => setSiteId(e.target.value)} className="sm:w-56">
                  <option value="">All sites</option>
                  {sites.map(([id, name]) => (
                    <option key={id} value={id}>
                      {name}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="contents">
                <span className="sr-only">Status</span>
                <Select value={state} onChange={(e) => setState(e.target.value)} className="sm:w-44">
                  <option value="">All statuses</option>
                  {STATES.map((s) => (
                    <option key={s} value={s}>
                      {archiveStateMeta[s].label}
                    </option>
                  ))}
                </Select>
              </label>
            </div>
            {(siteId || state) && (
              <Button
                variant="ghost"
                size="sm"
                icon={X}
                onClick={() => {
                  setSiteId('')
                  setState('')
                }}
                className="self-start sm:self-auto"
              >
                Clear filters
              </Button>
            )}
            <span className="text-sm text-slate-500 sm:ml-auto">
              {rows.length} archive{rows.length === 1 ? '' : 's'} · {available.length} available ({formatBytes(total)})
            </span>
          </div>
          <ArchivesTable
            archives={rows}
            showSite
            empty={
              <EmptyState
                bare
                icon={Archive}
                title="No archive matches"
                description="Change the site or status filter."
              />
            }
          />
        </Card>
      )}
    </>
  )
}
