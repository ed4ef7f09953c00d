'use client'

import { Archive, CircleCheck, CircleX, Download, History, Play, Plus, RefreshCw, Server, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { Badge, StateBadge, runStatusMeta, siteBackupStateMeta } from '@/components/ui/badge'
import { Button, ButtonLink } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { DataTable, type Column } from '@/components/ui/data-table'
import { domainChain, domainLabel } from '@/components/ui/domains'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SelectField, TextField } from '@/components/ui/field'
import { formatBytes, formatDuration } from '@/components/ui/format'
import { PageHeader } from '@/components/ui/page-header'
import { Panel } from '@/components/ui/panel'
import { ProgressBar } from '@/components/ui/progress-bar'
import { Stat } from '@/components/ui/stat'
import { Stepper } from '@/components/ui/stepper'
import { RelativeTime } from '@/components/ui/time'
import { WarningList } from '@/components/ui/warning-list'

let NOW = 0
const ago = (min: number) => new Date(NOW - min * 60_000).toISOString()

interface SiteRow {
  id: number
  name: string
  url: string
  platform: 'WordPress' | 'Joomla'
  state: string
  lastBackup: string | null
  size: number | null
  duration: number | null
}

const makeSites = (): SiteRow[] => [
  { id: 1, name: 'Bakery Müller', url: 'https://baeckerei-mueller.de', platform: 'WordPress', state: 'ok', lastBackup: ago(12), size: 734_003_200, duration: 192_000 },
  { id: 2, name: 'Harbour Dental', url: 'https://harbourdental.co.uk', platform: 'Joomla', state: 'running', lastBackup: ago(60 * 26), size: 1_524_713_472, duration: 410_000 },
  { id: 3, name: 'Oak & Iron Joinery', url: 'https://oakandiron.com', platform: 'WordPress', state: 'too_old', lastBackup: ago(60 * 24 * 9), size: 288_358_400, duration: 74_000 },
  { id: 4, name: 'City Library Friends', url: 'https://friendsofthelibrary.org', platform: 'Joomla', state: 'failed', lastBackup: ago(60 * 3), size: null, duration: 51_000 },
  { id: 5, name: 'Northside Yoga', url: 'https://northsideyoga.studio', platform: 'WordPress', state: 'not_connected', lastBackup: null, size: null, duration: null },
  { id: 6, name: 'Alpine Rentals', url: 'https://alpine-rentals.ch', platform: 'WordPress', state: 'never', lastBackup: null, size: null, duration: null },
]

const columns: Column<SiteRow>[] = [
  { key: 'state', header: 'State', cell: (s) => <StateBadge state={s.state} kind="site" live={s.state === 'running'} />, sortValue: (s) => siteBackupStateMeta[s.state as keyof typeof siteBackupStateMeta]?.label, className: 'w-40' },
  {
    key: 'name',
    header: 'Site',
    cell: (s) => (
      <span className="flex flex-col">
        <span>{s.name}</span>
        <span className="text-xs font-normal text-slate-500">{s.url.replace('https://', '')}</span>
      </span>
    ),
    sortValue: (s) => s.name,
  },
  { key: 'platform', header: 'Platform', cell: (s) => s.platform, sortValue: (s) => s.platform, hideBelow: 'md' },
  { key: 'last', header: 'Last backup', cell: (s) => <RelativeTime date={s.lastBackup} fallback="Never" />, sortValue: (s) => s.lastBackup, className: 'whitespace-nowrap' },
  { key: 'size', header: 'Size', align: 'right', cell: (s) => formatBytes(s.size), sortValue: (s) => s.size, className: 'tabular-nums whitespace-nowrap', hideBelow: 'sm' },
  { key: 'duration', header: 'Took', align: 'right', cell: (s) => formatDuration(s.duration), sortValue: (s) => s.duration, className: 'tabular-nums whitespace-nowrap', hideBelow: 'lg' },
  {
    key: 'actions',
    header: <span className="sr-only">Actions</span>,
    align: 'right',
    interactive: true,
    cell: (s) => (
      <Button size="sm" icon={Play} disabled={s.state === 'running' || s.state === 'not_connected'} onClick={() => alert(`Back up ${s.name}`)}>
        Back up now
      </Button>
    ),
  },
]

const warnings = [
  { id: 1, message: 'Your temporary directory is not writable; using the output directory instead.', context: 'Step 2 · Starting · 14:01:12' },
  { id: 2, message: 'Table wp_wfhits is very large (312 MB); consider excluding it.', context: 'Step 5 · Database · 14:02:40' },
  { id: 3, message: 'Unreadable file skipped: wp-content/uploads/2019/03/.DS_Store', context: 'Step 7 · Database · 14:03:02' },
]

export function Preview({ now }: { now: number }) {
  NOW = now
  const sites = makeSites()
  const [busy, setBusy] = useState(false)
  const [url, setUrl] = useState('harbourdental')
  const urlError = url && !/^https?:\/\//.test(url) ? 'Enter the full address, starting with https://' : null

  return (
    <div className="space-y-10">
      <PageHeader
        breadcrumbs={[{ label: 'Sites', href: '/sites' }, { label: 'Harbour Dental', href: '/sites/2' }, { label: 'Run #4182' }]}
        title="Run #4182"
        meta={<StateBadge state="running" live />}
        description="Full backup of harbourdental.co.uk, profile 1 (Default backup profile), started by Anna Kowalski."
        actions={
          <>
            <Button variant="secondary" icon={RefreshCw}>
              Refresh
            </Button>
            <ConfirmDialog
              trigger={<Button variant="danger">Cancel run</Button>}
              title="Cancel this backup?"
              description="Stepwise stops stepping run #4182 on Harbour Dental. The partial archive stays on the site until you delete it."
              confirmLabel="Cancel run #4182"
              cancelLabel="Keep running"
              onConfirm={() => new Promise((r) => setTimeout(r, 1200))}
            />
          </>
        }
      />

      <section className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Sites" value="412" icon={Server} hint="38 WordPress · 374 Joomla" href="/sites" />
        <Stat label="Backed up" value="389" tone="ok" icon={CircleCheck} hint="within max age" />
        <Stat label="Too old" value="14" tone="warn" icon={History} hint="older than 7 days" />
        <Stat label="Failing" value="9" tone="bad" icon={CircleX} hint="last run failed" />
      </section>

      <Panel title="Live run" description="Harbour Dental · full backup" id="live">
        <div className="space-y-5">
          <Stepper chain={domainChain('full')} current="PackDB" status="running" live />
          <ProgressBar size="lg" value={47} state="running" label={domainLabel('PackDB')} detail="about 3 m 12 s left" live />
          <p className="rounded-md bg-slate-50 px-3 py-2 font-mono text-[13px] break-all text-slate-700 ring-1 ring-slate-200 ring-inset">
            Backing up database table wp_postmeta (row 184 000 of 392 118)
          </p>
          <WarningList warnings={warnings} live />
        </div>
      </Panel>

      <Panel title="Stepper states" description="Each backup type and outcome">
        <div className="space-y-6">
          <Stepper chain={domainChain('full')} current={null} status="queued" />
          <Stepper chain={domainChain('dbonly')} current="finale" status="succeeded" />
          <Stepper chain={domainChain('full')} current="Packing" status="failed" />
          <Stepper chain={domainChain('alldb')} current="installer" status="cancelled" />
          <Stepper chain={domainChain('fileonly')} current="PostProc" status="running" />
        </div>
      </Panel>

      <ErrorPanel
        title="The backup failed at Files"
        meta="Step 9 · run #4179 on City Library Friends · 3 h ago"
        message="A backup error has occurred: ftruncate(): Argument #1 ($stream) must be of type resource, bool given"
        advice={[
          'The site could not write its archive: check free disk space and that the backup output directory is writable.',
          'Run the backup again; a failed backup cannot be resumed.',
          'If it fails again at the same step, open the site’s Akeeba Backup log for the full story.',
        ]}
        actions={
          <>
            <Button variant="primary" icon={RefreshCw}>
              Back up again
            </Button>
            <ButtonLink href="/runs/4179" variant="secondary">
              View log
            </ButtonLink>
          </>
        }
      />

      <Panel title="Sites" description="Click a row to open the site" padded={false} actions={<ButtonLink href="/sites/new" variant="primary" size="sm" icon={Plus}>Add site</ButtonLink>}>
        <DataTable
          caption="Sites"
          rows={sites}
          columns={columns}
          rowKey={(s) => s.id}
          rowHref={(s) => `/sites/${s.id}`}
          linkColumn="name"
          initialSort={{ key: 'name', dir: 'asc' }}
        />
      </Panel>

      <Panel title="Archives" padded={false}>
        <DataTable
          caption="Archives"
          rows={[] as SiteRow[]}
          columns={columns}
          rowKey={(s) => s.id}
          empty={<EmptyState bare icon={Archive} title="No archives yet" description="Archives appear here after the first backup of this site finishes." />}
        />
      </Panel>

      <EmptyState icon={Server} title="No sites yet" description="Add a site with its Akeeba Backup secret key, and Stepwise checks the connection for you." action={{ label: 'Add your first site', href: '/sites/new', icon: Plus }} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Badges" description="One colour language for state">
          <div className="space-y-3">
            <div className="flex flex-wrap gap-2">
              {Object.keys(runStatusMeta).map((s) => (
                <StateBadge key={s} state={s} kind="run" live={s === 'running'} />
              ))}
            </div>
            <div className="flex flex-wrap gap-2">
              {Object.keys(siteBackupStateMeta).map((s) => (
                <StateBadge key={s} state={s} kind="site" size="sm" />
              ))}
              <StateBadge state="some_new_state" size="sm" />
            </div>
            <div className="flex flex-wrap gap-2">
              <Badge tone="warn">3 warnings</Badge>
              <Badge tone="idle">Joomla 4.2</Badge>
              <Badge tone="live">API 500</Badge>
            </div>
          </div>
        </Panel>

        <Panel title="Progress bars">
          <div className="space-y-4">
            <ProgressBar value={100} state="succeeded" size="lg" label="Done" detail="took 3 m 12 s" />
            <ProgressBar value={62} state="failed" size="lg" label="Files" detail="stopped" />
            <ProgressBar value={23} state="running" live showPercent />
            <ProgressBar value={null} state="queued" showPercent />
          </div>
        </Panel>

        <Panel title="Form fields">
          <form className="space-y-4" onSubmit={(e) => e.preventDefault()}>
            <TextField label="Site address" required value={url} onChange={(e) => setUrl(e.target.value)} error={urlError} placeholder="https://example.com" />
            <TextField label="Secret key" type="password" hint="Akeeba Backup → Options → Front-end backup → Secret word." />
            <SelectField label="Backup profile" defaultValue="1">
              <option value="1">#1 Default backup profile</option>
              <option value="2">#2 Database only</option>
            </SelectField>
            <div className="flex flex-wrap gap-2">
              <Button variant="primary" busy={busy} onClick={() => { setBusy(true); setTimeout(() => setBusy(false), 1500) }}>
                Save site
              </Button>
              <Button variant="secondary">Test connection</Button>
              <Button variant="ghost">Cancel</Button>
            </div>
          </form>
        </Panel>

        <Panel title="Archive actions">
          <Card className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0">
              <p className="truncate font-mono text-[13px] text-slate-800">site-harbourdental.co.uk-20261128-140012utc.jpa</p>
              <p className="text-xs text-slate-500">
                {formatBytes(1_524_713_472)} · 3 parts · <RelativeTime date={ago(20)} />
              </p>
            </div>
            <div className="flex gap-2">
              <Button size="sm" icon={Download}>Download</Button>
              <ConfirmDialog
                trigger={<Button size="sm" variant="danger" icon={Trash2}>Delete</Button>}
                title="Delete this archive?"
                description="The archive files are deleted from harbourdental.co.uk. This can’t be undone."
                confirmLabel="Delete archive site-harbourdental.co.uk-20261128-140012utc.jpa"
                onConfirm={() => new Promise((_, reject) => setTimeout(() => reject(new Error('The site refused: Akeeba answered status 500 with an empty body. Nothing was deleted.')), 1200))}
              />
            </div>
          </Card>
        </Panel>
      </div>
    </div>
  )
}
