'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiGet, apiPatch, apiPost } from '@/lib/api/client-fetch'
import { scheduleKeys, siteKeys } from '@/lib/query-keys'
import { isActiveRunStatus } from '@/lib/domain/run-status'
import type { ScheduleDto, ScheduleEvent } from '@/lib/domain/schedules'

const hasLiveRun = (list: ScheduleDto[] | undefined) =>
  list?.some((s) => s.sites.some((x) => x.last?.kind === 'run' && isActiveRunStatus(x.last.status)))

/** A site's start is due within 90 s (or just passed): poll closely so the new run shows up at once. */
const fireSoon = (list: ScheduleDto[] | undefined) =>
  list?.some((s) =>
    s.sites.some((x) => x.nextStartAt && Math.abs(new Date(x.nextStartAt).getTime() - Date.now()) < 90_000),
  )

const pollMs = (list: ScheduleDto[] | undefined, idleMs: number) => (hasLiveRun(list) || fireSoon(list) ? 3000 : idleMs)

/** GET /api/schedules (optionally for one site); polls while one of their runs is live, else each minute. */
export function useSchedules(filter: { siteId?: string } = {}, initial?: ScheduleDto[]) {
  return useQuery({
    queryKey: scheduleKeys.list(filter),
    queryFn: async () => {
      const q = filter.siteId ? `?siteId=${encodeURIComponent(filter.siteId)}` : ''
      return (await apiGet<{ schedules: ScheduleDto[] }>(`/api/schedules${q}`)).schedules
    },
    initialData: initial,
    refetchInterval: (q) => pollMs(q.state.data, 60_000),
  })
}

export interface ScheduleDetail {
  schedule: ScheduleDto
  events: ScheduleEvent[]
}

export function useSchedule(id: string, initial?: ScheduleDetail) {
  return useQuery({
    queryKey: scheduleKeys.detail(id),
    queryFn: () => apiGet<ScheduleDetail>(`/api/schedules/${encodeURIComponent(id)}`),
    initialData: initial,
    refetchInterval: (q) => pollMs(q.state.data ? [q.state.data.schedule] : undefined, 30_000),
  })
}

export type ScheduleBody = {
  name?: string
  siteId?: string | null
  tag?: string | null
  cron?: string
  timezone?: string
  profileId?: number | null
  descriptionTemplate?: string | null
  staggerMinutes?: number
  runOnce?: boolean
  enabled?: boolean
  reason?: string
}

function useInvalidate() {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: scheduleKeys.all }),
      qc.invalidateQueries({ queryKey: siteKeys.all }),
    ])
}

export function useCreateSchedule() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: async (body: ScheduleBody) =>
      (await apiPost<{ schedule: ScheduleDto }>('/api/schedules', body)).schedule,
    onSuccess: invalidate,
  })
}

export function useUpdateSchedule(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: async (body: ScheduleBody) =>
      (await apiPatch<{ schedule: ScheduleDto }>(`/api/schedules/${encodeURIComponent(id)}`, body)).schedule,
    onSuccess: invalidate,
  })
}

export function useDeleteSchedule(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    // Who deleted it is the signed-in user, recorded by the server.
    mutationFn: () => apiDelete<{ deleted: true }>(`/api/schedules/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  })
}
