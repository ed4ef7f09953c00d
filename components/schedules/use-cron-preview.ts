'use client'

import { useEffect, useState } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { ApiError, apiPost } from '@/lib/api/client-fetch'
import { scheduleKeys } from '@/lib/query-keys'
import type { CronPreview } from '@/lib/schedule/manage-schedules'

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return v
}

/** POST /api/schedules/preview as you type: the next 5 fires computed by croner on the server. */
export function useCronPreview(cron: string, timezone: string) {
  const c = useDebounced(cron.trim(), 300)
  const tz = useDebounced(timezone, 300)
  return useQuery<CronPreview, ApiError>({
    queryKey: [...scheduleKeys.all, 'preview', c, tz] as const,
    queryFn: () => apiPost<CronPreview>('/api/schedules/preview', { cron: c, timezone: tz, count: 5 }),
    enabled: c.length > 0 && tz.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  })
}
