'use client'

import Link from 'next/link'
import { Archive, CheckCheck, Clock, HardDrive, Percent, Server } from 'lucide-react'
import { formatBytes, formatDuration, formatExact } from '@/lib/format/format'
import { parseIsoDate, type DatePeriod } from '@/lib/reports/periods'
import type { ClientReport, ReportBackup, ReportSite } from '@/lib/reports/types'
import { StateBadge } from '@/components/ui/badge'
import { Stat } from '@/components/ui/stat'
import type { Tone } from '@/components/ui/tone'
import { cn } from '@/components/ui/cn'

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`)

function rateTone(v: number | null): Tone {
  if (v === null) return 'idle'
  return v >= 0.95 ? 'ok' : v >= 0.8 ? 'warn' : 'bad'
}

const dayFmt = (s: string) =>
  parseIsoDate(s)?.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) ?? s

const when = (iso: string | null) => (iso ? formatExact(iso) : '—')

const TRIGGERS: Record<string, string> = {
  manual: 'By hand',
  schedule: 'Schedule',
  api: 'API',
  bulk: 'Bulk',
}

function backupBy(b: ReportBackup): string {
  if (b.source === 'site') return 'On the site'
  return b.trigger ? (TRIGGERS[b.trigger] ?? b.trigger) : 'Stepwise'
}

/** A small key/value line used in the site sections. */
function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-sm font-medium text-slate-900 tabular-nums">{value}</dd>
    </div>
  )
}

function SummaryTable({ sites }: { sites: ReportSite[] }) {
  return (
    <table className="w-full border-separate border-spacing-0 text-sm">
      <caption className="sr-only">Sites in this report</caption>
      <thead>
        <tr className="text-left text-xs font-medium text-slate-600">
          <th scope="col" className="border-b border-slate-200 px-3 py-2">
            Site
          </th>
          <th scope="col" className="border-b border-slate-200 px-3 py-2">
            At the end
          </th>
          <th scope="col" className="border-b border-slate-200 px-3 py-2 text-right">
            Backups
          </th>
          <th scope="col" className="border-b border-slate-200 px-3 py-2 text-right">
            Success
          </th>
          <th scope="col" className="hidden border-b border-slate-200 px-3 py-2 md:table-cell print:table-cell">
            Last good backup
          </th>
          <th
            scope="col"
            className="hidden border-b border-slate-200 px-3 py-2 text-right sm:table-cell print:table-cell"
          >
            Latest size
          </th>
          <th
            scope="col"
            className="hidden border-b border-slate-200 px-3 py-2 text-right sm:table-cell print:table-cell"
          >
            Fresh
          </th>
        </tr>
      </thead>
      <tbody>
        {sites.map((s) => (
          <tr key={s.id} className="align-top break-inside-avoid">
            <td className="border-b border-slate-100 px-3 py-2">
              <a href={`#site-${s.id}`} className="font-medium text-slate-900 hover:underline print:no-underline">
                {s.name}
              </a>
              <div className="font-mono text-xs [overflow-wrap:anywhere] text-slate-600 max-sm:hidden print:block">
                {s.baseUrl}
              </div>
            </td>
            <td className="border-b border-slate-100 px-3 py-2">
              <StateBadge state={s.state} kind="site" size="sm" />
            </td>
            <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">
              {s.succeeded}
              {s.failed > 0 && (
                <span className="whitespace-nowrap text-bad-fg max-sm:block">
                  <span className="sm:hidden print:hidden">+</span>
                  <span className="max-sm:hidden print:inline"> · </span>
                  {s.failed} failed
                </span>
              )}
            </td>
            <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">{pct(s.successRate)}</td>
            <td className="hidden border-b border-slate-100 px-3 py-2 md:table-cell print:table-cell">
              {when(s.lastGoodAt)}
            </td>
            <td className="hidden border-b border-slate-100 px-3 py-2 text-right tabular-nums sm:table-cell print:table-cell">
              {formatBytes(s.latestBytes)}
            </td>
            <td className="hidden border-b border-slate-100 px-3 py-2 text-right tabular-nums sm:table-cell print:table-cell">
              {pct(s.freshShare)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function SiteSection({ s }: { s: ReportSite }) {
  return (
    <section
      id={`site-${s.id}`}
      aria-labelledby={`site-${s.id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5 print:break-before-page print:rounded-none print:border-0 print:p-0"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`site-${s.id}-title`} className="text-base font-semibold text-slate-900">
            <Link href={`/sites/${s.id}`} className="hover:underline print:no-underline">
              {s.name}
            </Link>
          </h3>
          <p className="font-mono text-xs [overflow-wrap:anywhere] text-slate-600">{s.baseUrl}</p>
        </div>
        <StateBadge state={s.state} kind="site" />
      </header>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-6">
        <Fact label="Backups" value={`${s.succeeded} good · ${s.failed} failed`} />
        <Fact label="Success rate" value={pct(s.successRate)} />
        <Fact label="Fresh" value={pct(s.freshShare)} />
        <Fact label="Last good backup" value={when(s.lastGoodAt)} />
        <Fact label="Latest size" value={formatBytes(s.latestBytes)} />
        <Fact
          label="Size range"
          value={s.minBytes === null ? '—' : `${formatBytes(s.minBytes)} – ${formatBytes(s.maxBytes)}`}
        />
      </dl>
      <h4 className="mt-4 mb-1 text-sm font-medium text-slate-800">
        {s.lastBackups.length === 0
          ? 'No backups in the period'
          : s.backups > s.lastBackups.length
            ? `The last ${s.lastBackups.length} of ${s.backups} backups in the period`
            : `${s.backups === 1 ? 'The one backup' : `All ${s.backups} backups`} in the period`}
      </h4>
      {s.lastBackups.length > 0 && (
        <table className="w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">Last backups of {s.name}</caption>
          <thead>
            <tr className="text-left text-xs font-medium text-slate-600">
              <th scope="col" className="border-b border-slate-200 py-1.5 pr-3">
                When
              </th>
              <th scope="col" className="border-b border-slate-200 py-1.5 pr-3">
                Result
              </th>
              <th scope="col" className="border-b border-slate-200 py-1.5 pr-3 text-right">
                Size
              </th>
              <th
                scope="col"
                className="hidden border-b border-slate-200 py-1.5 pr-3 text-right sm:table-cell print:table-cell"
              >
                Took
              </th>
              <th scope="col" className="hidden border-b border-slate-200 py-1.5 sm:table-cell print:table-cell">
                By
              </th>
            </tr>
          </thead>
          <tbody>
            {s.lastBackups.map((b, i) => (
              <tr key={`${b.at}-${i}`} className="align-top break-inside-avoid">
                <td className="border-b border-slate-100 py-1.5 pr-3 whitespace-nowrap">{formatExact(b.at)}</td>
                <td className="border-b border-slate-100 py-1.5 pr-3">
                  <StateBadge state={b.ok ? 'succeeded' : b.status} kind="run" size="sm" />
                  {!b.ok && b.errorMessage && (
                    <p className="mt-0.5 line-clamp-2 text-xs [overflow-wrap:anywhere] text-slate-600">
                      {b.errorMessage}
                    </p>
                  )}
                </td>
                <td className="border-b border-slate-100 py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">
                  {b.ok ? formatBytes(b.sizeBytes) : '—'}
                </td>
                <td className="hidden border-b border-slate-100 py-1.5 pr-3 text-right tabular-nums sm:table-cell print:table-cell">
                  {formatDuration(b.durationMs)}
                </td>
                <td className="hidden border-b border-slate-100 py-1.5 sm:table-cell print:table-cell">
                  {backupBy(b)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** The report itself: what is printed (the page's controls and the app's shell are not). */
export function ClientReportBody({
  report,
  period,
  refreshing,
}: {
  report: ClientReport
  period: DatePeriod
  refreshing?: boolean
}) {
  const t = report.totals
  if (t.sites === 0) return null
  const notOk = t.sites - t.states.ok
  return (
    <article
      aria-labelledby="report-title"
      className={cn('flex flex-col gap-6 print:block print:space-y-4 print:text-[11pt]', refreshing && 'opacity-70')}
    >
      <header className="border-b border-slate-200 pb-4">
        <p className="text-sm font-medium text-slate-600">Backup report</p>
        <h2 id="report-title" className="text-2xl font-semibold text-slate-900">
          {report.tag}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {dayFmt(period.from)} – {dayFmt(period.to)} · {t.sites} site{t.sites === 1 ? '' : 's'} · made{' '}
          {formatExact(report.generatedAt)}
        </p>
      </header>

      <section aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-5 print:grid-cols-5">
        <Stat
          label="Sites"
          value={t.sites}
          icon={Server}
          hint={notOk ? `${t.states.ok} backed up at the end, ${notOk} not` : 'all backed up at the end'}
          tone={notOk ? 'warn' : 'ok'}
        />
        <Stat
          label="Backups"
          value={t.backups}
          icon={Archive}
          hint={`${t.succeeded} good · ${t.failed} failed`}
          tone={t.failed ? 'warn' : 'idle'}
        />
        <Stat label="Success rate" value={pct(t.successRate)} icon={Percent} tone={rateTone(t.successRate)} />
        <Stat label="Backed up" value={formatBytes(t.totalBytes)} icon={HardDrive} hint="all good backups together" />
        <Stat
          label="Fresh"
          value={pct(t.freshShare)}
          icon={Clock}
          hint="of the time, a backup within each site's maximum age"
          tone={rateTone(t.freshShare)}
          className="col-span-2 lg:col-span-1 print:col-span-1"
        />
      </section>

      <section aria-labelledby="report-sites" className="rounded-lg border border-slate-200 bg-white print:border-0">
        <h3 id="report-sites" className="flex items-center gap-2 px-3 pt-3 text-[15px] font-semibold text-slate-900">
          <CheckCheck aria-hidden="true" className="size-4 text-slate-500" />
          Sites
        </h3>
        <SummaryTable sites={report.sites} />
      </section>

      {report.sites.map((s) => (
        <SiteSection key={s.id} s={s} />
      ))}

      <footer className="text-xs text-slate-600">
        Success rate: good backups out of finished ones (cancelled runs not counted). Fresh: the share of the period,
        from a site&apos;s adding on, in which it had a good backup younger than its maximum backup age. Backups made on
        the site itself (outside Stepwise) are included.
      </footer>
    </article>
  )
}
