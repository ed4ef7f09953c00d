'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiGet, apiPost } from '@/lib/api/client-fetch'
import { tokenKeys } from '@/lib/query-keys'
import type { ApiTokenDto } from '@/lib/auth/api-tokens'
import type { Role } from '@/lib/domain/roles'

export function useTokens(initial?: ApiTokenDto[]) {
  return useQuery({
    queryKey: tokenKeys.list(),
    queryFn: async () => (await apiGet<{ tokens: ApiTokenDto[] }>('/api/tokens')).tokens,
    initialData: initial,
  })
}

export function useCreateToken() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { name: string; role: Exclude<Role, 'owner'>; expiresAt?: string }) =>
      apiPost<{ token: string; apiToken: ApiTokenDto }>('/api/tokens', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokenKeys.all }),
  })
}

export function useRevokeToken() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiDelete<{ apiToken: ApiTokenDto }>(`/api/tokens/${encodeURIComponent(id)}`),
    onSettled: () => qc.invalidateQueries({ queryKey: tokenKeys.all }),
  })
}
