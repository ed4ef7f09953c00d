'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiPost } from '@/lib/api/client-fetch'
import { archiveKeys, siteKeys } from '@/lib/query-keys'
import type { ArchiveDto } from '@/lib/domain/archives'

/** Archive changes can change a site's backup state (obsolete) and what retention keeps, so all refresh. */
export function useInvalidateArchives() {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: archiveKeys.all }),
      qc.invalidateQueries({ queryKey: siteKeys.all }),
      qc.invalidateQueries({ queryKey: RETENTION_KEY }),
    ])
}

/** The prefix of every retention query (components/retention/use-retention.ts retentionKeys.all). */
const RETENTION_KEY = ['retention'] as const
const useInvalidate = useInvalidateArchives

export function useSyncArchives(siteId: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: () => apiPost<{ archives: ArchiveDto[] }>(`/api/sites/${siteId}/archives/sync`),
    onSettled: invalidate,
  })
}

export function useDeleteArchive() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: ({ id, mode }: { id: string; mode: 'record' | 'files' }) =>
      mode === 'record' ? apiDelete(`/api/archives/${id}`) : apiPost(`/api/archives/${id}/delete-files`),
    // Also after a refusal: the server re-read the site's list either way.
    onSettled: invalidate,
  })
}
