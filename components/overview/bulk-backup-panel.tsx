'use client'

import { Play, Tag } from 'lucide-react'
import { useMemo, useState } from 'react'
import { StateBadge, siteBackupStateMeta } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { DataTable, type Column } from '@/components/ui/data-table'
import { Select } from '@/components/ui/field'
import { Panel } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/time'
import type { RunDto } from '@/lib/domain/runs'
import type { SiteDto } from '@/lib/domain/sites'
import { DemoBadge } from '@/components/ui/demo-badge'
import { BulkResultView } from './bulk-result'
import { useBulkBackup, type BulkResult, type BulkSelection } from './use-bulk-backup'

const check = 'size-4 cursor-pointer rounded accent-slate-900'

/** Pick sites (or a tag, or all) and back them up in one action. */
export function BulkBackupPanel({
  sites,
  tags,
  liveRuns,
}: {
  sites: SiteDto[]
  tags: string[]
  liveRuns: ReadonlyMap<string, RunDto>
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [tag, setTag] = useState('')
  const [result, setResult] = useState<BulkResult | null>(null)
  const bulk = useBulkBackup()

  const present = sites.filter((s) => selected.has(s.id))
  const allChecked = sites.length > 0 && present.length === sites.length
  const toggle = (id: string) =>
    setSelected((cur) => {
      const n = new Set(cur)
      if (n.has(id)) n.delete(id)
      else n.add(id)
      return n
    })

  async function run(sel: BulkSelection) {
    const r = await bulk.mutateAsync(sel)
    setResult(r)
    setSelected(new Set())
  }

  const columns = useMemo<Column<SiteDto>[]>(
    () => [
      {
        key: 'pick',
        header: (
          <input
            type="checkbox"
            className={check}
            aria-label="Select all sites"
            checked={allChecked}
            ref={(el) => {
              if (el) el.indeterminate = present.length > 0 && !allChecked
            }}
            onChange={() => setSelected(allChecked ? new Set() : new Set(sites.map((s) => s.id)))}
          />
        ),
        cell: (s) => (
          <input
            type="checkbox"
            className={check}
            aria-label={`Select ${s.name}`}
            checked={selected.has(s.id)}
            onChange={() => toggle(s.id)}
          />
        ),
        interactive: true,
        className: 'w-10',
      },
      {
        key: 'state',
        header: 'State',
        cell: (s) => <StateBadge state={s.backupState} kind="site" size="sm" live={s.backupState === 'running'} />,
        sortValue: (s) => siteBackupStateMeta[s.backupState]?.label,
        className: 'w-36',
        hideBelow: 'sm',
      },
      {
        key: 'name',
        header: 'Site',
        cell: (s) => (
          <span className="flex min-w-0 flex-col">
            <span className="flex items-center gap-2">
              <span className="truncate">{s.name}</span>
              {s.isDemo && <DemoBadge />}
            </span>
            <span className="truncate text-xs font-normal text-slate-500">{s.baseUrl.replace(/^https?:\/\//, '')}</span>
          </span>
        ),
        sortValue: (s) => s.name,
      },
      {
        key: 'tags',
        header: 'Tags',
        cell: (s) => s.tags.join(', ') || <span className="text-slate-400">—</span>,
        hideBelow: 'md',
        className: 'text-slate-600',
      },
      {
        key: 'last',
        header: 'Last good backup',
        cell: (s) => <RelativeTime date={s.lastSuccessAt} fallback="Never" />,
        sortValue: (s) => s.lastSuccessAt,
        className: 'whitespace-nowrap',
        hideBelow: 'sm',
      },
    ],
    [sites, selected, allChecked, present.length],
  )

  return (
    <Panel
      title="Back up sites"
      id="bulk"
      description="Select sites, a tag or everything. Stepwise queues them and runs a few at a time per server, so no host is hammered."
      padded={false}
    >
      <div className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-4 py-3 sm:px-5">
        <Button
          variant="primary"
          icon={Play}
          disabled={present.length === 0}
          busy={bulk.isPending && bulk.variables && 'siteIds' in bulk.variables}
          onClick={() => run({ siteIds: present.map((s) => s.id) })}
        >
          Back up selected{present.length ? ` (${present.length})` : ''}
        </Button>
        {tags.length > 0 && (
          <div className="flex items-center gap-2">
            <label htmlFor="bulk-tag" className="sr-only">
              Tag
            </label>
            <Select id="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} className="w-40">
              <option value="">Choose a tag…</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
            <ConfirmDialog
              tone="primary"
              trigger={
                <Button icon={Tag} disabled={!tag}>
                  Back up tag
                </Button>
              }
              title={`Back up every site tagged “${tag}”?`}
              description={`${sites.filter((s) => s.tags.includes(tag)).length} sites are queued; sites already waiting or not connected are skipped.`}
              confirmLabel={`Back up “${tag}”`}
              onConfirm={() => run({ tag })}
            />
          </div>
        )}
        <ConfirmDialog
          tone="primary"
          trigger={<Button disabled={sites.length === 0}>Back up all</Button>}
          title={`Back up all ${sites.length} sites?`}
          description="Every connected site gets a backup with its default profile. They start as slots free up."
          confirmLabel={`Back up all ${sites.length} sites`}
          onConfirm={() => run({ all: true })}
        />
        {bulk.isError && (
          <p role="alert" className="self-center text-sm text-bad-fg">
            {bulk.error.message}
          </p>
        )}
      </div>
      {result && <BulkResultView result={result} live={liveRuns} onDismiss={() => setResult(null)} />}
      <DataTable
        caption="Sites to back up"
        rows={sites}
        columns={columns}
        rowKey={(s) => s.id}
        rowHref={(s) => `/sites/${s.id}`}
        linkColumn="name"
        initialSort={{ key: 'name', dir: 'asc' }}
      />
    </Panel>
  )
}
