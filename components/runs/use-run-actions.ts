'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPost } from '@/lib/api/client-fetch'
import { runKeys, siteKeys } from '@/lib/query-keys'
import type { RunDto } from '@/lib/domain/runs'

/** POST /api/runs/{id}/cancel. The run stops at the runner's next tick; polling shows it. */
export function useCancelRun(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (deleteRemote: boolean) =>
      apiPost<{ run: RunDto }>(`/api/runs/${encodeURIComponent(id)}/cancel`, { deleteRemote }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: runKeys.all })
      await qc.invalidateQueries({ queryKey: siteKeys.all })
    },
  })
}

/** POST /api/sites/{id}/backups ("Back up again" from a run page). */
export function useStartBackup(siteId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => apiPost<{ run: RunDto }>(`/api/sites/${encodeURIComponent(siteId)}/backups`, {}),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: runKeys.all })
      await qc.invalidateQueries({ queryKey: siteKeys.all })
    },
  })
}
