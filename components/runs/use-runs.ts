'use client'

import { useQuery } from '@tanstack/react-query'
import { apiGet } from '@/lib/api/client-fetch'
import { runKeys } from '@/lib/query-keys'
import type { RunDto } from '@/lib/domain/runs'
import { isActive } from './run-status'

export type RunListFilter = Record<string, string | undefined>

function runListUrl(filter: RunListFilter): string {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(filter)) if (v) qs.set(k, v)
  const s = qs.toString()
  return s ? `/api/runs?${s}` : '/api/runs'
}

/** GET /api/runs with a filter; polls every 2 s only while a listed run is queued or running. */
export function useRuns(
  filter: RunListFilter,
  opts: { initial?: RunDto[]; enabled?: boolean; intervalMs?: number } = {},
) {
  return useQuery({
    queryKey: runKeys.list(filter),
    queryFn: async () => (await apiGet<{ runs: RunDto[] }>(runListUrl(filter))).runs,
    initialData: opts.initial,
    enabled: opts.enabled ?? true,
    refetchInterval: (q) => (q.state.data?.some((r) => isActive(r.status)) ? (opts.intervalMs ?? 2000) : false),
  })
}
