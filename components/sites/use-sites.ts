'use client'

import { useQuery } from '@tanstack/react-query'
import { apiGet } from '@/lib/api/client-fetch'
import { siteKeys } from '@/lib/query-keys'
import type { SiteDto } from '@/lib/domain/sites'

/** Polls only while some site has a backup queued or running. */
function siteListInterval(sites: SiteDto[] | undefined): number | false {
  return sites?.some((s) => s.activeRun) ? 2_000 : false
}

export function useSites(initialData: SiteDto[]) {
  return useQuery({
    queryKey: siteKeys.list(),
    queryFn: async () => (await apiGet<{ sites: SiteDto[] }>('/api/sites')).sites,
    initialData,
    refetchInterval: (q) => siteListInterval(q.state.data),
  })
}
