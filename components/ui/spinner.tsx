import { LoaderCircle } from 'lucide-react'
import { cn } from './cn'

/** A spinning icon. Decorative: the surrounding control says what is happening. */
export function Spinner({ className }: { className?: string }) {
  return <LoaderCircle aria-hidden="true" className={cn('size-4 shrink-0 motion-safe:animate-spin', className)} />
}
