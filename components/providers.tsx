'use client'

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'

/** One QueryClient per browser tab (created lazily so a server render never shares one between users). */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 5_000, refetchOnWindowFocus: true, retry: 1 },
        },
      }),
  )
  // Marks the page as interactive once the whole first tree has hydrated (this effect runs after its
  // children's). Only the browser tests read it, to type into a page that listens.
  useEffect(() => {
    document.documentElement.dataset.hydrated = ''
  }, [])
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}
