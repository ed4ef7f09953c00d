'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiGet, apiPatch, apiPost } from '@/lib/api/client-fetch'
import type { ChannelDto, ChannelType, DeliveryDto, NotifyEventKind, TestResult } from '@/lib/notify/types'

/** Query keys of the Notifications page (lib/query-keys.ts style). */
export const notifyKeys = {
  all: ['notifications'] as const,
  channels: () => [...notifyKeys.all, 'channels'] as const,
  deliveries: (channelId?: string) => [...notifyKeys.all, 'deliveries', channelId ?? 'all'] as const,
}

export interface ChannelForm {
  name: string
  type: ChannelType
  /** Left out on an edit: keep the stored address (URL channels never show it). */
  target?: string
  events: NotifyEventKind[]
  tags: string[]
  siteIds: string[]
  reminderHours: number
  enabled: boolean
}

export function useChannels(initial?: ChannelDto[]) {
  return useQuery({
    queryKey: notifyKeys.channels(),
    queryFn: async () => (await apiGet<{ channels: ChannelDto[] }>('/api/channels')).channels,
    initialData: initial,
  })
}

export function useDeliveries(channelId?: string, initial?: DeliveryDto[]) {
  return useQuery({
    queryKey: notifyKeys.deliveries(channelId),
    queryFn: async () =>
      (
        await apiGet<{ deliveries: DeliveryDto[] }>(
          `/api/deliveries?limit=50${channelId ? `&channelId=${encodeURIComponent(channelId)}` : ''}`,
        )
      ).deliveries,
    initialData: channelId ? undefined : initial,
    // Only while something is still on its way.
    refetchInterval: (q) => (q.state.data?.some((d) => d.status === 'pending') ? 5_000 : false),
  })
}

export function useSaveChannel() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, form }: { id?: string; form: ChannelForm }) => {
      if (id) {
        const { type: _type, ...rest } = form
        return apiPatch<{ channel: ChannelDto; secret?: string }>(`/api/channels/${encodeURIComponent(id)}`, rest)
      }
      return apiPost<{ channel: ChannelDto; secret?: string }>('/api/channels', form)
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: notifyKeys.all }),
  })
}

export function useDeleteChannel() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiDelete<{ deleted: true }>(`/api/channels/${encodeURIComponent(id)}`),
    onSettled: () => qc.invalidateQueries({ queryKey: notifyKeys.all }),
  })
}

export function useTestChannel() {
  return useMutation({
    mutationFn: async (id: string) =>
      (await apiPost<{ result: TestResult }>(`/api/channels/${encodeURIComponent(id)}/test`)).result,
  })
}
