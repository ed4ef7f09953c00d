'use client'

import { useQuery } from '@tanstack/react-query'
import { apiGet } from '@/lib/api/client-fetch'
import { runKeys } from '@/lib/query-keys'
import { isActiveRunStatus } from '@/lib/domain/run-status'
import type { RunDto } from '@/lib/domain/runs'

/** The site's recent runs; polls only while one of them is queued or running. */
export function useSiteRuns(siteId: string, initialData: RunDto[]) {
  return useQuery({
    queryKey: runKeys.list({ siteId }),
    queryFn: async () =>
      (await apiGet<{ runs: RunDto[] }>(`/api/runs?siteId=${encodeURIComponent(siteId)}&limit=20`)).runs,
    initialData,
    refetchInterval: (q) => (q.state.data?.some((r) => isActiveRunStatus(r.status)) ? 2_000 : false),
  })
}
