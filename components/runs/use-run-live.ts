'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet } from '@/lib/api/client-fetch'
import { runKeys } from '@/lib/query-keys'
import type { RunDto, StepDto } from '@/lib/domain/runs'
import { isActive } from './run-status'

export interface RunLive {
  run: RunDto
  steps: StepDto[]
}

/** Appends steps not seen yet (by seq), keeping order; a repeated poll adds nothing. */
export function mergeSteps(prev: readonly StepDto[], next: readonly StepDto[]): StepDto[] {
  const last = prev.at(-1)?.seq ?? 0
  const fresh = next.filter((s) => s.seq > last).sort((a, b) => a.seq - b.seq)
  return fresh.length ? [...prev, ...fresh] : (prev as StepDto[])
}

/**
 * GET /api/runs/{id}?afterSeq=N, polled every second while the run is queued or running. Only the
 * steps after the last one we hold come back; they are appended to the cached list.
 */
export function useRunLive(initial: RunLive) {
  const qc = useQueryClient()
  const id = initial.run.id
  const key = runKeys.detail(id)
  return useQuery({
    queryKey: key,
    queryFn: async (): Promise<RunLive> => {
      const prev = qc.getQueryData<RunLive>(key)
      const after = prev?.steps.at(-1)?.seq ?? 0
      const r = await apiGet<RunLive>(`/api/runs/${encodeURIComponent(id)}?afterSeq=${after}`)
      return { run: r.run, steps: mergeSteps(prev?.steps ?? [], r.steps) }
    },
    initialData: initial,
    refetchInterval: (q) => (isActive(q.state.data?.run.status) ? 1000 : false),
    refetchIntervalInBackground: false,
  })
}
