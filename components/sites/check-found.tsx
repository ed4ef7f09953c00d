import { CircleCheck } from 'lucide-react'
import { platformLabel } from './site-labels'

export interface CheckOk {
  endpoint?: { url: string; platform: string }
  version?: { api: number; component: string; edition: string; date: string }
  profiles?: { id: number; name: string }[]
}

/** What the connection check found, before anything is saved. */
export function CheckFound({ check }: { check: CheckOk }) {
  const rows: [string, React.ReactNode][] = [
    ['Platform', platformLabel(check.endpoint?.platform ?? null)],
    [
      'Akeeba Backup',
      check.version ? `${check.version.component}${check.version.date ? ` (${check.version.date})` : ''}` : '—',
    ],
    [
      'Edition',
      check.version?.edition ? check.version.edition.charAt(0).toUpperCase() + check.version.edition.slice(1) : '—',
    ],
    ['API level', check.version?.api ?? '—'],
    [
      'Endpoint',
      <span key="e" className="font-mono text-[13px] break-all">
        {check.endpoint?.url ?? '—'}
      </span>,
    ],
    ['Profiles', check.profiles?.length ? check.profiles.map((p) => `#${p.id} ${p.name}`).join(', ') : 'None found'],
  ]
  return (
    <section aria-label="Connection check result" className="rounded-lg border border-emerald-200 bg-ok-bg p-4">
      <h2 className="flex items-center gap-2 text-[15px] font-semibold text-ok-fg">
        <CircleCheck aria-hidden="true" className="size-5 text-ok" />
        Connected: Akeeba Backup answered
      </h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd className="text-slate-900 max-sm:mb-1">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
