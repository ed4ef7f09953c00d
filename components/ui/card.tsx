import type { ComponentProps } from 'react'
import { cn } from './cn'

/** A plain white surface with a hairline border. Use Panel when it has a title. */
export function Card({ className, ...rest }: ComponentProps<'div'>) {
  return <div className={cn('rounded-lg border border-slate-200 bg-white shadow-xs', className)} {...rest} />
}
