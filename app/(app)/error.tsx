'use client'

import { ErrorView } from '@/components/shell/error-view'

// A page inside the shell threw while rendering: the navigation stays, the page says so.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView error={error} reset={reset} />
}
