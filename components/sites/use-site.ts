'use client'

import { useQuery } from '@tanstack/react-query'
import { apiGet } from '@/lib/api/client-fetch'
import { siteKeys } from '@/lib/query-keys'
import type { SiteDto } from '@/lib/domain/sites'

export function useSite(initialData: SiteDto) {
  return useQuery({
    queryKey: siteKeys.detail(initialData.id),
    queryFn: async () => (await apiGet<{ site: SiteDto }>(`/api/sites/${initialData.id}`)).site,
    initialData,
    refetchInterval: (q) => (q.state.data?.activeRun ? 2_000 : false),
  })
}
