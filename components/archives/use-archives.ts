'use client'

import { useQuery } from '@tanstack/react-query'
import { apiGet } from '@/lib/api/client-fetch'
import { archiveKeys } from '@/lib/query-keys'
import type { ArchiveDto } from '@/lib/domain/archives'

/** Archive rows as last synced (no polling: the site page refreshes them when a run ends). */
export function useArchives(filter: { siteId?: string }, initialData?: ArchiveDto[]) {
  const qs = filter.siteId ? `?siteId=${encodeURIComponent(filter.siteId)}` : ''
  return useQuery({
    queryKey: archiveKeys.list(filter),
    queryFn: async () => (await apiGet<{ archives: ArchiveDto[] }>(`/api/archives${qs}`)).archives,
    initialData,
  })
}
