'use client'

import Link from 'next/link'
import { usePathname, useRouter } from 'next/navigation'
import { Filter, ScrollText, X } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import type { AuditEventDto } from '@/lib/audit/list-audit'
import { Badge, type Tone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { DataTable, type Column } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SelectField, TextField } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { Spinner } from '@/components/ui/spinner'
import { RelativeTime } from '@/components/ui/time'
import { actionLabel, actorLabel, detailsSummary, ipOf } from './audit-details'
import { ACTION_PREFIXES, auditSearch, type AuditFilter } from './audit-filter'
import { useAudit } from './use-audit'

const toneOf = (action: string): Tone =>
  /failed|deleted|revoked|disabled/.test(action) ? 'bad' : action.startsWith('user.sign') ? 'idle' : 'live'

const columns: Column<AuditEventDto>[] = [
  {
    key: 'at',
    header: 'Time',
    sortValue: (e) => e.at,
    cell: (e) => <RelativeTime date={e.at} className="whitespace-nowrap" />,
  },
  {
    key: 'actor',
    header: 'Who',
    sortValue: (e) => e.actor,
    cell: (e) =>
      e.actor ? (
        <span className="whitespace-nowrap">{e.actor}</span>
      ) : (
        <span className="text-slate-500">{actorLabel(e) ?? 'Unknown'}</span>
      ),
  },
  {
    key: 'action',
    header: 'Action',
    sortValue: (e) => e.action,
    cell: (e) => (
      <Badge size="sm" tone={toneOf(e.action)} title={e.action}>
        {actionLabel(e.action)}
      </Badge>
    ),
  },
  {
    key: 'site',
    header: 'Site',
    sortValue: (e) => e.siteName,
    hideBelow: 'sm',
    cell: (e) =>
      e.siteId ? (
        <Link href={`/sites/${e.siteId}`} className="font-medium text-slate-900 hover:underline">
          {e.siteName ?? e.siteId}
        </Link>
      ) : (
        <span className="text-slate-400">—</span>
      ),
  },
  {
    key: 'details',
    header: 'Details',
    hideBelow: 'md',
    cell: (e) => (
      <span className="block max-w-md text-[13px] break-words text-slate-600">
        {e.runId && (
          <Link href={`/runs/${e.runId}`} className="mr-1.5 font-medium text-slate-800 hover:underline">
            Run
          </Link>
        )}
        {detailsSummary(e)}
      </span>
    ),
  },
  {
    key: 'ip',
    header: 'IP',
    sortValue: (e) => ipOf(e),
    hideBelow: 'lg',
    cell: (e) => <span className="font-mono text-xs text-slate-600">{ipOf(e) ?? '—'}</span>,
  },
]

export function AuditView({ filter, sites }: { filter: AuditFilter; sites: { id: string; name: string }[] }) {
  const router = useRouter()
  const pathname = usePathname()
  const [draft, setDraft] = useState<AuditFilter>(filter)
  const q = useAudit(filter)
  const set = (patch: Partial<AuditFilter>) => setDraft((d) => ({ ...d, ...patch }))
  const apply = (f: AuditFilter) => router.replace(`${pathname}${auditSearch(f)}`, { scroll: false })
  const active = Object.values(filter).some(Boolean)

  function submit(e: FormEvent) {
    e.preventDefault()
    apply(draft)
  }

  const events = q.data ?? []
  return (
    <>
      <PageHeader title="Audit" description="Who did what, when and from where: every change, backup and sign-in." />
      <Card className="mb-4 p-4">
        <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto_auto]">
          <TextField
            label="Who"
            placeholder="e-mail or token name"
            value={draft.actor ?? ''}
            onChange={(e) => set({ actor: e.target.value })}
          />
          <SelectField
            label="Action"
            value={draft.action ?? ''}
            onChange={(e) => apply({ ...draft, action: e.target.value || undefined })}
          >
            <option value="">All actions</option>
            {ACTION_PREFIXES.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Site"
            value={draft.siteId ?? ''}
            onChange={(e) => apply({ ...draft, siteId: e.target.value || undefined })}
          >
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label="From"
            type="datetime-local"
            value={draft.from ?? ''}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
          <TextField
            label="To"
            type="datetime-local"
            value={draft.to ?? ''}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
          <div className="flex items-end gap-2">
            <Button type="submit" icon={Filter}>
              Apply
            </Button>
            {active && (
              <Button
                variant="ghost"
                icon={X}
                onClick={() => {
                  setDraft({})
                  apply({})
                }}
              >
                Clear
              </Button>
            )}
          </div>
        </form>
      </Card>
      {q.error && <ErrorPanel className="mb-4" title="Could not load the audit trail" message={q.error.message} />}
      {q.isPending ? (
        <div className="flex justify-center py-12">
          <Spinner className="size-5 text-slate-400" />
        </div>
      ) : events.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={active ? 'Nothing matches these filters' : 'No events yet'}
          description={active ? 'Widen the time range or clear a filter.' : 'Changes, backups and sign-ins show here.'}
        />
      ) : (
        <Card className="overflow-hidden">
          <DataTable
            caption="Audit events"
            rows={events}
            columns={columns}
            rowKey={(e) => e.id}
            initialSort={{ key: 'at', dir: 'desc' }}
          />
          {events.length >= 500 && (
            <p className="border-t border-slate-200 px-4 py-2 text-[13px] text-slate-600">
              Showing the newest 500 events: narrow the filters to see older ones.
            </p>
          )}
        </Card>
      )}
    </>
  )
}
