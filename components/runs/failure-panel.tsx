'use client'

import { useCan } from '@/components/auth/me-provider'
import { useRouter } from 'next/navigation'
import { CircleX, ExternalLink, RefreshCw } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { domainLabel } from '@/lib/format/domains'
import type { RunDto, StepDto } from '@/lib/domain/runs'
import { akeebaLogUrl } from '@/lib/failures/akeeba-log-link'
import { explainFailure } from '@/lib/failures/catalogue'
import { runAdvice } from './run-advice'
import { useStartBackup } from './use-run-actions'

export interface OutcomeSite {
  baseUrl: string
  platform: string | null
}

/**
 * The failure explained: a plain cause and what to do (lib/failures catalogue), the server's own words
 * kept below, and where Akeeba's own log is (not readable over the JSON API: a link to the site's page).
 */
export default function FailurePanel({
  run,
  steps,
  site,
}: {
  run: RunDto
  steps: StepDto[]
  site: OutcomeSite | null
}) {
  const failure = explainFailure(run, runAdvice(run.errorKind, run.status))
  const last = [...steps].reverse().find((s) => s.stepNumber !== null)
  // The server's own words as the step recorded them; what Stepwise added (e.g. the record's state) apart.
  const said =
    [...steps]
      .reverse()
      .find((s) => s.error)
      ?.error?.trim() || null
  const words = said ?? failure.serverWords
  const note =
    said && failure.serverWords?.startsWith(said) ? failure.serverWords.slice(said.length).trim() || null : null
  const router = useRouter()
  const again = useStartBackup(run.siteId)
  const canBackUp = useCan('operator')
  const logUrl = site ? akeebaLogUrl(site) : null
  const meta = [
    run.domain ? `At ${domainLabel(run.domain)}` : null,
    last?.stepNumber != null ? `server step ${last.stepNumber}` : null,
    run.errorKind ? `error kind: ${run.errorKind}` : null,
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <section
      role="alert"
      aria-labelledby="failure-title"
      data-failure={failure.id}
      className="rounded-lg border border-red-200 bg-bad-bg p-4 sm:p-5"
    >
      <h2 id="failure-title" className="flex items-start gap-2.5 text-[15px] font-semibold text-bad-fg">
        <CircleX aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-bad" />
        <span className="min-w-0">{failure.title}</span>
      </h2>
      <div className="space-y-3 sm:pl-[30px]">
        {meta && <p className="mt-0.5 text-sm text-red-900/80">{meta}</p>}
        <div>
          <h3 className="text-sm font-semibold text-red-950">Cause</h3>
          <p className="mt-0.5 text-sm text-red-950">{failure.cause}</p>
        </div>
        {failure.whatToDo.length > 0 && (
          <div>
            <h3 className="text-sm font-semibold text-red-950">What to do</h3>
            <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-red-950 marker:text-red-400">
              {failure.whatToDo.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ol>
          </div>
        )}
        <div>
          <h3 className="text-sm font-semibold text-red-950">The server’s words</h3>
          <pre className="mt-1 max-h-64 overflow-auto rounded-md border border-red-200 bg-white px-3 py-2 font-mono text-[13px] leading-relaxed break-words whitespace-pre-wrap text-red-950">
            {words ?? 'The server gave no message.'}
          </pre>
          {note && <p className="mt-1 text-[13px] text-red-900/80">Stepwise checked afterwards: {note}</p>}
        </div>
        <p className="text-[13px] text-red-900/80">
          Akeeba’s own backup log cannot be read over its JSON API (getLog answers “not implemented” on Akeeba Backup
          9), so Stepwise cannot show it here.{' '}
          {logUrl ? (
            <a
              href={logUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 font-medium text-red-950 underline"
            >
              Open the log on the site
              <ExternalLink aria-hidden="true" className="size-3.5" />
            </a>
          ) : (
            'Open Akeeba Backup’s “View Log” page in the site’s admin to read it.'
          )}
        </p>
        {canBackUp && (
          <div className="flex flex-wrap gap-2 pt-1">
            <Button
              variant="primary"
              icon={RefreshCw}
              busy={again.isPending}
              onClick={() => again.mutate(undefined, { onSuccess: (r) => router.push(`/runs/${r.run.id}`) })}
            >
              Back up again
            </Button>
            {again.isError && (
              <p role="alert" className="self-center text-sm text-bad-fg">
                {again.error.message}
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
