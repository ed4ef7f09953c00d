import Link from 'next/link'
import type { ComponentProps, ReactNode } from 'react'
import type { LucideIcon } from 'lucide-react'
import { cn } from './cn'
import { Spinner } from './spinner'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost'
export type ButtonSize = 'sm' | 'md' | 'lg'

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-slate-900 text-white shadow-sm hover:bg-slate-700 disabled:bg-slate-400',
  secondary:
    'bg-white text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:text-slate-400',
  danger: 'bg-red-600 text-white shadow-sm hover:bg-red-700 disabled:bg-red-300',
  ghost: 'text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-400',
}

const sizes: Record<ButtonSize, string> = {
  sm: 'h-8 gap-1.5 px-2.5 text-[13px]',
  md: 'h-9 gap-2 px-3.5 text-sm',
  lg: 'h-11 gap-2 px-5 text-[15px]',
}

const minHeights: Record<ButtonSize, string> = { sm: 'min-h-8', md: 'min-h-9', lg: 'min-h-11' }

const iconSizes: Record<ButtonSize, string> = { sm: 'size-3.5', md: 'size-4', lg: 'size-[18px]' }

/** The class string for a button look, for the rare element that can't be a Button or ButtonLink. */
export function buttonClasses({
  variant = 'secondary',
  size = 'md',
  wrap = false,
}: { variant?: ButtonVariant; size?: ButtonSize; wrap?: boolean } = {}) {
  return cn(
    'inline-flex items-center justify-center rounded-md font-medium transition-colors select-none',
    wrap ? 'h-auto min-w-0 py-1.5 text-left [overflow-wrap:anywhere]' : 'shrink-0 whitespace-nowrap',
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed',
    variants[variant],
    sizes[size],
    wrap && minHeights[size],
  )
}

interface CommonProps {
  variant?: ButtonVariant
  size?: ButtonSize
  icon?: LucideIcon
  /** Let a long label (e.g. a file name) wrap instead of overflowing. */
  wrap?: boolean
  children?: ReactNode
}

export interface ButtonProps extends CommonProps, Omit<ComponentProps<'button'>, 'children'> {
  /** Shows a spinner in place of the icon and ignores clicks, so it can't be clicked twice (it keeps focus). */
  busy?: boolean
}

export function Button({
  variant,
  size = 'md',
  icon: Icon,
  wrap,
  busy = false,
  disabled,
  className,
  children,
  type = 'button',
  onClick,
  ...rest
}: ButtonProps) {
  // Busy is aria-disabled, not disabled: a disabled button drops keyboard focus to the page body,
  // so after pressing Refresh focus would be lost. Clicks (and Enter submitting a form) are ignored.
  const blocked = busy && !disabled
  return (
    <button
      type={type}
      disabled={disabled}
      aria-disabled={blocked || undefined}
      aria-busy={busy || undefined}
      className={cn(buttonClasses({ variant, size, wrap }), busy && 'cursor-progress', className)}
      onClick={(e) => {
        if (blocked) {
          e.preventDefault()
          return
        }
        onClick?.(e)
      }}
      {...rest}
    >
      {busy ? <Spinner className={iconSizes[size]} /> : Icon && <Icon aria-hidden="true" className={iconSizes[size]} />}
      {children}
    </button>
  )
}

export interface ButtonLinkProps extends CommonProps, Omit<ComponentProps<typeof Link>, 'children'> {}

/** A link that looks like a button (navigation, downloads). */
export function ButtonLink({ variant, size = 'md', icon: Icon, wrap, className, children, ...rest }: ButtonLinkProps) {
  return (
    <Link className={cn(buttonClasses({ variant, size, wrap }), className)} {...rest}>
      {Icon && <Icon aria-hidden="true" className={iconSizes[size]} />}
      {children}
    </Link>
  )
}
