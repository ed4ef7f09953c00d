'use client'

import { useQuery } from '@tanstack/react-query'
import { apiGet } from '@/lib/api/client-fetch'
import { auditKeys } from '@/lib/query-keys'
import type { AuditEventDto } from '@/lib/audit/list-audit'
import { auditApiQuery, type AuditFilter } from './audit-filter'

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: auditKeys.list({ ...filter }),
    queryFn: async () => (await apiGet<{ events: AuditEventDto[] }>(`/api/audit?${auditApiQuery(filter)}`)).events,
  })
}
