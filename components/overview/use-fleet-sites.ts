'use client'

import { useQuery } from '@tanstack/react-query'
import { apiGet } from '@/lib/api/client-fetch'
import { siteKeys } from '@/lib/query-keys'
import type { SiteDto } from '@/lib/domain/sites'

/** GET /api/sites for the overview; polls every 2 s while any site has a backup queued or running. */
export function useFleetSites(initial: SiteDto[]) {
  return useQuery({
    queryKey: [...siteKeys.all, 'overview'] as const,
    queryFn: async () => (await apiGet<{ sites: SiteDto[] }>('/api/sites')).sites,
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.some((s) => s.activeRun) ? 2000 : false),
  })
}
