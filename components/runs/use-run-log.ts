'use client'

import { useQuery } from '@tanstack/react-query'
import { ApiError } from '@/lib/api/client-fetch'
import { runKeys } from '@/lib/query-keys'

async function fetchLog(id: string): Promise<string> {
  const res = await fetch(`/api/runs/${encodeURIComponent(id)}/log`, { cache: 'no-store' })
  if (!res.ok) throw new ApiError(res.status, 'http', `The log could not be loaded (HTTP ${res.status}).`)
  return res.text()
}

/** GET /api/runs/{id}/log as text; fetched only while shown, refreshed every 2 s while the run is live. */
export function useRunLog(id: string, { enabled, live }: { enabled: boolean; live: boolean }) {
  return useQuery({
    queryKey: runKeys.log(id),
    queryFn: () => fetchLog(id),
    enabled,
    refetchInterval: enabled && live ? 2000 : false,
  })
}
