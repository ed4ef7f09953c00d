import { Ban, Check, X } from 'lucide-react'
import { cn } from './cn'
import { domainLabel } from '@/lib/format/domains'

type StageState = 'done' | 'complete' | 'current' | 'failed' | 'stopped' | 'pending'

export interface StepperProps {
  /** Domain names in order, as the server sends them (see `domainChain`). */
  chain: readonly string[]
  /** The domain the run is in now; a name not in `chain` is shown as sent, before "finale". */
  current?: string | null
  /** Run status: queued, running, succeeded, failed, cancelled, timed_out. */
  status: string
  /** Adds a soft pulse on the current stage; only when the run is really live. */
  live?: boolean
  className?: string
}

const SR_TEXT: Record<StageState, string> = {
  done: 'done',
  complete: 'done',
  current: 'in progress',
  failed: 'failed here',
  stopped: 'stopped here',
  pending: 'not started',
}

/** Works out each stage's state. Exported for tests and for text summaries. */
function stepperStages(
  chain: readonly string[],
  current: string | null | undefined,
  status: string,
): Array<{ name: string; state: StageState }> {
  const names = [...chain]
  if (current && !names.includes(current)) {
    const at = names[names.length - 1] === 'finale' ? names.length - 1 : names.length
    names.splice(at, 0, current)
  }
  if (status === 'succeeded') return names.map((name) => ({ name, state: 'complete' }))
  if (status === 'queued') return names.map((name) => ({ name, state: 'pending' }))

  const found = current ? names.indexOf(current) : -1
  const atState: StageState =
    status === 'failed' || status === 'timed_out' ? 'failed' : status === 'cancelled' ? 'stopped' : 'current'
  // Cancelled before any step: nothing was reached. Otherwise an unknown position means "at the start".
  const idx = found >= 0 ? found : atState === 'stopped' ? -1 : 0
  return names.map((name, i) => ({
    name,
    state: i < idx ? 'done' : i === idx ? atState : 'pending',
  }))
}

const circle: Record<StageState, string> = {
  done: 'bg-ok-bg text-ok-fg ring-1 ring-inset ring-ok/40',
  complete: 'bg-ok text-white',
  current: 'bg-live text-white',
  failed: 'bg-bad text-white',
  stopped: 'bg-slate-500 text-white',
  pending: 'bg-white text-slate-500 ring-1 ring-inset ring-slate-300',
}

const labelTone: Record<StageState, string> = {
  done: 'text-slate-700',
  complete: 'text-ok-fg',
  current: 'text-live-fg font-semibold',
  failed: 'text-bad-fg font-semibold',
  stopped: 'text-slate-700 font-semibold',
  pending: 'text-slate-500',
}

/** Horizontal stepper of the backup's domain stages, in plain words. */
export function Stepper({ chain, current, status, live = false, className }: StepperProps) {
  const stages = stepperStages(chain, current, status)
  return (
    <ol
      aria-label="Backup stages"
      className={cn('grid w-full', className)}
      style={{ gridTemplateColumns: `repeat(${stages.length}, minmax(0, 1fr))` }}
    >
      {stages.map(({ name, state }, i) => {
        const next = stages[i + 1]
        const reached = state === 'done' || state === 'complete'
        return (
          <li
            key={`${name}-${i}`}
            aria-current={state === 'current' || state === 'failed' || state === 'stopped' ? 'step' : undefined}
            className="relative flex flex-col items-center px-1 text-center"
          >
            {next && (
              <span
                aria-hidden="true"
                className={cn(
                  'absolute top-[13px] right-[calc(-50%+18px)] left-[calc(50%+18px)] h-0.5 rounded-full',
                  reached ? (state === 'complete' ? 'bg-ok' : 'bg-ok/50') : 'bg-slate-200',
                )}
              />
            )}
            <span
              aria-hidden="true"
              className={cn(
                'relative flex size-7 items-center justify-center rounded-full text-xs font-semibold',
                circle[state],
              )}
            >
              {state === 'current' && live && (
                <span className="absolute inset-0 rounded-full bg-live/40 motion-safe:animate-ping" />
              )}
              <StageIcon state={state} index={i} />
            </span>
            <span className={cn('mt-1.5 text-xs leading-tight break-words sm:text-sm', labelTone[state])}>
              {domainLabel(name)}
              <span className="sr-only">, {SR_TEXT[state]}</span>
            </span>
          </li>
        )
      })}
    </ol>
  )
}

function StageIcon({ state, index }: { state: StageState; index: number }) {
  const cls = 'relative size-4'
  switch (state) {
    case 'done':
    case 'complete':
      return <Check className={cls} strokeWidth={3} />
    case 'failed':
      return <X className={cls} strokeWidth={3} />
    case 'stopped':
      return <Ban className={cls} strokeWidth={2.5} />
    case 'current':
      return <span className="relative size-2.5 rounded-full bg-white" />
    default:
      return <span className="relative tabular-nums">{index + 1}</span>
  }
}
