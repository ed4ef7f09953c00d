'use client'

import { ErrorView } from '@/components/shell/error-view'

// Outside the (app) group (sign-in, setup): the same page, without the navigation.
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="min-h-dvh px-4">
      <ErrorView error={error} reset={reset} />
    </main>
  )
}
