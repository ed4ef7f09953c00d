'use client'

import { useEffect, useState, useSyncExternalStore } from 'react'
import { useQuery } from '@tanstack/react-query'
import { FileText, Printer, Tag } from 'lucide-react'
import { apiGet } from '@/lib/api/client-fetch'
import {
  PERIOD_PRESETS,
  parseIsoDate,
  periodInstants,
  presetOf,
  presetPeriod,
  type DatePeriod,
} from '@/lib/reports/periods'
import type { ClientReport } from '@/lib/reports/types'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Input, Select } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { Spinner } from '@/components/ui/spinner'
import { cn } from '@/components/ui/cn'
import { ClientReportBody } from './client-report'

export interface ReportViewProps {
  tags: { tag: string; sites: number }[]
  initial: { tag?: string; from?: string; to?: string }
}

const noSubscribe = () => () => {}
const clientSnapshot = () => true
const serverSnapshot = () => false

const validPeriod = (from?: string, to?: string): DatePeriod | null =>
  from && to && parseIsoDate(from) && parseIsoDate(to) && to >= from ? { from, to } : null

/**
 * Printing follows the paper, not the theme: a dark page would print light text on white. The theme
 * class is taken off while the browser prints and put back after.
 */
function usePrintLight() {
  useEffect(() => {
    const html = document.documentElement
    let wasDark = false
    const before = () => {
      wasDark = html.classList.contains('dark')
      html.classList.remove('dark')
    }
    const after = () => {
      if (wasDark) html.classList.add('dark')
    }
    window.addEventListener('beforeprint', before)
    window.addEventListener('afterprint', after)
    return () => {
      window.removeEventListener('beforeprint', before)
      window.removeEventListener('afterprint', after)
    }
  }, [])
}

export function ReportView({ tags, initial }: ReportViewProps) {
  const [tag, setTag] = useState(initial.tag ?? tags[0]?.tag ?? '')
  // Periods are the viewer's own calendar dates: a missing one is chosen in the browser (last month).
  const [chosen, setPeriod] = useState<DatePeriod | null>(validPeriod(initial.from, initial.to))
  const isClient = useSyncExternalStore(noSubscribe, clientSnapshot, serverSnapshot)
  const period = chosen ?? (isClient ? presetPeriod('last-month', new Date()) : null)
  usePrintLight()

  // The report's choices live in the URL: a report can be bookmarked or sent as a link.
  const from = period?.from
  const to = period?.to
  useEffect(() => {
    if (!from || !to) return
    const qs = new URLSearchParams({ ...(tag ? { tag } : {}), from, to })
    window.history.replaceState(null, '', `/reports?${qs}`)
  }, [tag, from, to])

  const instants = period ? periodInstants(period) : null
  const query = useQuery({
    queryKey: ['reports', tag, instants?.from, instants?.to],
    enabled: Boolean(tag && instants),
    queryFn: () =>
      apiGet<{ report: ClientReport }>(
        `/api/reports?${new URLSearchParams({ tag, from: instants!.from, to: instants!.to })}`,
      ).then((r) => r.report),
  })

  if (!tags.length) {
    return (
      <>
        <PageHeader title="Client report" />
        <EmptyState
          icon={Tag}
          title="Tag your sites to report on them"
          description="A client report covers the sites with one tag (e.g. the client's name). Add tags on a site's page or when adding sites."
          action={{ label: 'Go to Sites', href: '/sites' }}
        />
      </>
    )
  }

  const preset = period ? presetOf(period, new Date()) : null
  const setDate = (k: 'from' | 'to', v: string) => {
    if (!period || !parseIsoDate(v)) return
    setPeriod({ ...period, [k]: v })
  }
  const badRange = period && period.to < period.from

  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title="Client report"
          description="What you send a client each month: their sites' backups, success rate, sizes and freshness over a period."
          actions={
            <Button
              type="button"
              variant="primary"
              icon={Printer}
              disabled={!query.data}
              onClick={() => window.print()}
            >
              Print / Save as PDF
            </Button>
          }
        />
        <Card className="mb-6">
          <div className="flex flex-col gap-3 p-3 lg:flex-row lg:flex-wrap lg:items-end">
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
              Client (tag)
              <Select value={tag} onChange={(e) => setTag(e.target.value)} className="lg:w-56">
                {!tags.some((t) => t.tag === tag) && <option value={tag}>{tag || 'Choose a tag'}</option>}
                {tags.map((t) => (
                  <option key={t.tag} value={t.tag}>
                    {t.tag} ({t.sites} site{t.sites === 1 ? '' : 's'})
                  </option>
                ))}
              </Select>
            </label>
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 text-sm font-medium text-slate-800">Period</legend>
              <div className="flex flex-wrap gap-1.5">
                {PERIOD_PRESETS.map((p) => (
                  <button
                    key={p.id}
                    type="button"
                    aria-pressed={preset === p.id}
                    onClick={() => setPeriod(presetPeriod(p.id, new Date()))}
                    className={cn(
                      'h-9 rounded-md px-3 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600',
                      preset === p.id
                        ? 'bg-slate-900 text-white ring-slate-900'
                        : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50',
                    )}
                  >
                    {p.label}
                  </button>
                ))}
              </div>
            </fieldset>
            <div className="flex flex-wrap items-end gap-2">
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                From
                <Input
                  type="date"
                  value={period?.from ?? ''}
                  onChange={(e) => setDate('from', e.target.value)}
                  className="w-40"
                />
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                To
                <Input
                  type="date"
                  value={period?.to ?? ''}
                  onChange={(e) => setDate('to', e.target.value)}
                  className="w-40"
                  aria-invalid={badRange || undefined}
                />
              </label>
            </div>
          </div>
          {badRange && <p className="px-3 pb-3 text-sm text-red-700">The period ends before it starts.</p>}
        </Card>
      </div>

      {query.error ? (
        <ErrorPanel title="The report could not be made" message={query.error.message} />
      ) : !instants ? null : query.data ? (
        <ClientReportBody report={query.data} period={period!} refreshing={query.isFetching} />
      ) : (
        <div className="flex items-center gap-2 py-10 text-sm text-slate-600" role="status">
          <Spinner /> Making the report…
        </div>
      )}
      {query.data && query.data.sites.length === 0 && (
        <EmptyState icon={FileText} title={`No sites carry the tag “${tag}”`} className="print:hidden" />
      )}
    </>
  )
}
