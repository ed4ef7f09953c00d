import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { cn } from './cn'
import { stateMeta, type StateKind } from './states'
import { toneFill, toneSoft, type Tone } from './tone'

export {
  archiveStateMeta,
  runStatusMeta,
  siteBackupStateMeta,
  stateMeta,
  type StateKind,
  type StateMeta,
} from './states'
export type { Tone } from './tone'

type BadgeSize = 'sm' | 'md'

export interface BadgeProps {
  tone?: Tone
  icon?: LucideIcon
  /** Shows a dot instead of an icon; it pulses when `pulse` is set. */
  dot?: boolean
  pulse?: boolean
  size?: BadgeSize
  title?: string
  className?: string
  children: ReactNode
}

const sizes: Record<BadgeSize, { box: string; icon: string }> = {
  sm: { box: 'gap-1 px-1.5 py-0.5 text-xs', icon: 'size-3' },
  md: { box: 'gap-1.5 px-2 py-0.5 text-[13px]', icon: 'size-3.5' },
}

/** A pill in one of the five state tones. Always pass words as children: colour is never the only signal. */
export function Badge({ tone = 'idle', icon: Icon, dot, pulse, size = 'md', title, className, children }: BadgeProps) {
  const s = sizes[size]
  return (
    <span
      title={title}
      className={cn(
        'inline-flex shrink-0 items-center rounded-full font-medium whitespace-nowrap ring-1 ring-inset',
        toneSoft[tone],
        s.box,
        className,
      )}
    >
      {dot ? (
        <span className="relative flex size-2 shrink-0" aria-hidden="true">
          {pulse && (
            <span
              className={cn(
                'absolute inline-flex size-full rounded-full opacity-60 motion-safe:animate-ping',
                toneFill[tone],
              )}
            />
          )}
          <span className={cn('relative inline-flex size-2 rounded-full', toneFill[tone])} />
        </span>
      ) : (
        Icon && <Icon className={cn('shrink-0', s.icon)} aria-hidden="true" strokeWidth={2.25} />
      )}
      {children}
    </span>
  )
}

export interface StateBadgeProps {
  /** A run status, site backup state or archive state key; unknown keys are shown as sent, in grey. */
  state: string | null | undefined
  kind?: StateKind
  /** Set while the thing is actually live (being polled): a running badge then pulses. */
  live?: boolean
  /** Overrides the word, e.g. "Running · 47%". The tone and icon still come from the state. */
  label?: ReactNode
  size?: BadgeSize
  title?: string
  className?: string
}

/** The one state badge used by every table, header and card. */
export function StateBadge({ state, kind, live = false, label, size, title, className }: StateBadgeProps) {
  const meta = stateMeta(state, kind)
  const isLive = meta.tone === 'live'
  return (
    <Badge
      tone={meta.tone}
      icon={meta.icon}
      dot={isLive}
      pulse={isLive && live}
      size={size}
      title={title}
      className={className}
    >
      {label ?? meta.label}
    </Badge>
  )
}
