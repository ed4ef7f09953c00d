'use client'

import { Panel } from '@/components/ui/panel'
import { ProgressBar } from '@/components/ui/progress-bar'
import { Stepper } from '@/components/ui/stepper'
import { domainChain, domainLabel } from '@/lib/format/domains'
import { formatDuration } from '@/lib/format/format'
import { estimateRemaining, typicalDuration, type Eta } from '@/lib/runs/eta'
import type { RunDto } from '@/lib/domain/runs'
import { estimateBasis, isActive, runDurationMs } from './run-status'
import { useNow } from './use-now'

export interface RunLivePanelProps {
  run: RunDto
  stepCount: number
  pastDurationsMs: readonly number[]
  /** The fleet's typical duration by backup type, for a site without history ('' = profile default). */
  fleetTypicalMs?: Readonly<Record<string, number>>
}

/** The detail next to the bar; without any history it is the progress alone (never "no estimate"). */
function etaText(eta: Eta, progress: number): string {
  if (eta.kind === 'none') return `${Math.round(progress)}% done`
  if (eta.kind === 'overdue') return `longer than usual (typically ${formatDuration(eta.typicalMs)})`
  return `about ${formatDuration(eta.remainingMs)} left`
}

function timeLeft(eta: Eta | null, progress: number): string {
  if (!eta) return '—'
  if (eta.kind === 'none') return `${Math.round(progress)}% done`
  if (eta.kind === 'overdue') return 'longer than usual'
  return `about ${formatDuration(eta.remainingMs)}`
}

/** Stepper, big progress bar, the current step line and the clock. Fixed heights: nothing jumps. */
export function RunLivePanel({ run, stepCount, pastDurationsMs, fleetTypicalMs = {} }: RunLivePanelProps) {
  const live = isActive(run.status)
  const now = useNow(live)
  const elapsed = now === null ? null : runDurationMs(run, now)
  const basis = estimateBasis(pastDurationsMs, fleetTypicalMs, run.backupType)
  const typical = typicalDuration(basis.durations)
  const eta =
    run.status === 'running' && elapsed !== null
      ? estimateRemaining({ pastDurationsMs: basis.durations, elapsedMs: elapsed, progress: run.progress })
      : null

  const progress = run.status === 'succeeded' ? 100 : run.status === 'queued' ? null : run.progress
  const label =
    run.status === 'queued'
      ? 'Waiting to start'
      : run.status === 'succeeded'
        ? 'Done'
        : run.cancelRequested && live
          ? 'Cancelling…'
          : domainLabel(run.domain) || 'Starting'
  const detail =
    run.status === 'running'
      ? eta
        ? etaText(eta, run.progress)
        : '\u00a0'
      : run.status === 'queued'
        ? '\u00a0'
        : elapsed !== null
          ? `${run.status === 'succeeded' ? 'took' : 'stopped after'} ${formatDuration(elapsed)}`
          : ''

  // Akeeba often sends an empty Step; then say where the run is in our own words.
  const line1 =
    run.step ||
    (run.status === 'queued'
      ? 'Not started yet'
      : [
          domainLabel(run.domain) || 'Starting',
          run.lastStepNumber !== null ? `server step ${run.lastStepNumber}` : null,
        ]
          .filter(Boolean)
          .join(' · '))
  const line2 = run.substep || (run.archiveName ? `Archive ${run.archiveName}` : '')

  return (
    <Panel
      title="Progress"
      description={`Backup profile #${run.profileId}${run.backupType ? ` · ${run.backupType} backup` : ''}`}
      id="progress"
    >
      <div className="space-y-6">
        <Stepper
          chain={domainChain(run.backupType)}
          current={run.domain}
          status={run.status}
          live={run.status === 'running'}
        />
        <ProgressBar
          size="lg"
          value={progress}
          state={run.status}
          label={label}
          detail={detail}
          showPercent={run.status !== 'queued'}
          live={run.status === 'running'}
        />
        <div
          className="rounded-md bg-slate-50 px-3 py-2 font-mono text-[13px] leading-5 text-slate-700 ring-1 ring-slate-200 ring-inset"
          aria-label="Current step"
        >
          <p className="truncate" title={line1}>
            {line1}
          </p>
          <p className="truncate text-slate-500" title={line2}>
            {line2 || '\u00a0'}
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
          <Fact label="Elapsed" value={elapsed === null ? '—' : formatDuration(elapsed)} />
          <Fact
            label="Time left"
            value={
              run.status === 'running' ? timeLeft(eta, run.progress) : run.status === 'queued' ? 'not started' : '—'
            }
          />
          <Fact
            label="Usually takes"
            value={
              typical === null
                ? 'no history yet'
                : `${formatDuration(typical)}${basis.source === 'fleet' ? ' (fleet-wide)' : ''}`
            }
          />
          <Fact label="Steps" value={String(stepCount)} />
        </dl>
      </div>
    </Panel>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="truncate font-medium text-slate-900 tabular-nums" title={value}>
        {value}
      </dd>
    </div>
  )
}
