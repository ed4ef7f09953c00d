'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPost } from '@/lib/api/client-fetch'
import { runKeys, siteKeys } from '@/lib/query-keys'
import type { RunDto } from '@/lib/domain/runs'

export type BulkSelection = { siteIds: string[] } | { tag: string } | { all: true }

export interface BulkResult {
  queued: RunDto[]
  skipped: { siteId: string; siteName: string; reason: string }[]
}

/** POST /api/backups/bulk; the runner's limits decide when each queued backup starts. */
export function useBulkBackup() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (sel: BulkSelection) => apiPost<BulkResult>('/api/backups/bulk', sel),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: runKeys.all }),
        qc.invalidateQueries({ queryKey: siteKeys.all }),
      ])
    },
  })
}
