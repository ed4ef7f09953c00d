'use client'

import dynamic from 'next/dynamic'
import Link from 'next/link'
import { Ban, CircleCheck, Clock } from 'lucide-react'
import type { RunDto, StepDto } from '@/lib/domain/runs'
import type { OutcomeSite } from './failure-panel'
import { isFailure } from './run-status'
import { useRuns } from './use-runs'

// The failure explanations (the whole catalogue of causes and advice) load only for a run that
// failed, rendered on the server as part of the page like the rest.
const FailurePanel = dynamic(() => import('./failure-panel'))

/** The queued notice, the failure panel, or the success / cancelled note, by run status. */
export function RunOutcome({ run, steps, site }: { run: RunDto; steps: StepDto[]; site?: OutcomeSite | null }) {
  if (run.status === 'queued') return <QueuedNotice run={run} />
  if (isFailure(run.status)) return <FailurePanel run={run} steps={steps} site={site ?? null} />
  if (run.status === 'succeeded') {
    return (
      <Callout
        tone="ok"
        icon={<CircleCheck aria-hidden="true" className="size-5 text-ok" />}
        title="Backup complete and confirmed on the site"
      >
        {run.archiveName ? (
          <>
            Archive <span className="font-mono break-all">{run.archiveName}</span>
            {run.remoteRecordId !== null && <> (site record #{run.remoteRecordId})</>}.
          </>
        ) : (
          'The site lists the finished archive.'
        )}
        {run.warningsCount > 0 &&
          ` It finished with ${run.warningsCount} warning${run.warningsCount > 1 ? 's' : ''}; read them below.`}
      </Callout>
    )
  }
  if (run.status === 'cancelled') {
    return (
      <Callout
        tone="idle"
        icon={<Ban aria-hidden="true" className="size-5 text-slate-500" />}
        title="This backup was cancelled"
      >
        {run.errorMessage ?? 'Stepwise stopped it on request.'}
      </Callout>
    )
  }
  return null
}

function QueuedNotice({ run }: { run: RunDto }) {
  // Another run on this site already going? Then this one waits for it, not for a free slot.
  const other = useRuns({ siteId: run.siteId, status: 'running' }, { intervalMs: 1000 })
  const blocking = other.data?.find((r) => r.id !== run.id)
  return (
    <Callout tone="idle" icon={<Clock aria-hidden="true" className="size-5 text-slate-500" />} title="Waiting to start">
      {blocking ? (
        <>
          Another backup of this site is{' '}
          <Link className="underline" href={`/runs/${blocking.id}`}>
            running now
          </Link>
          ; this one starts when it ends.
        </>
      ) : (
        'Waiting for a free slot: Stepwise limits how many backups run at once, overall and per hosting server, so no server is hammered.'
      )}
    </Callout>
  )
}

function Callout({
  tone,
  icon,
  title,
  children,
}: {
  tone: 'ok' | 'idle'
  icon: React.ReactNode
  title: string
  children: React.ReactNode
}) {
  return (
    <section
      className={
        tone === 'ok'
          ? 'rounded-lg border border-emerald-200 bg-ok-bg p-4'
          : 'rounded-lg border border-slate-200 bg-slate-50 p-4'
      }
    >
      <h2
        className={`flex items-center gap-2.5 text-[15px] font-semibold ${tone === 'ok' ? 'text-ok-fg' : 'text-slate-800'}`}
      >
        {icon}
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-700 sm:pl-[30px]">{children}</p>
    </section>
  )
}
