'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiGet, apiPatch, apiPost } from '@/lib/api/client-fetch'
import type {
  CreateRetentionPolicyInput,
  RetentionPolicyDto,
  RetentionPreview,
  SiteRetentionDto,
} from '@/lib/domain/retention'

/** Query keys of retention (policies, previews, per-site views): one prefix, invalidated together. */
export const retentionKeys = {
  all: ['retention'] as const,
  list: () => [...retentionKeys.all, 'list'] as const,
  preview: (id: string) => [...retentionKeys.all, 'preview', id] as const,
  site: (siteId: string) => [...retentionKeys.all, 'site', siteId] as const,
}

export function usePolicies(initialData: RetentionPolicyDto[]) {
  return useQuery({
    queryKey: retentionKeys.list(),
    queryFn: async () => (await apiGet<{ policies: RetentionPolicyDto[] }>('/api/retention-policies')).policies,
    initialData,
  })
}

export function usePolicyPreview(id: string) {
  return useQuery({
    queryKey: retentionKeys.preview(id),
    queryFn: () => apiGet<RetentionPreview>(`/api/retention-policies/${id}/preview`),
  })
}

export function useSiteRetention(siteId: string) {
  return useQuery({
    queryKey: retentionKeys.site(siteId),
    queryFn: () => apiGet<SiteRetentionDto>(`/api/sites/${siteId}/retention`),
  })
}

export type PolicyForm = CreateRetentionPolicyInput

export function useSavePolicy() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, form }: { id?: string; form: PolicyForm }) =>
      id
        ? apiPatch<{ policy: RetentionPolicyDto }>(`/api/retention-policies/${id}`, form)
        : apiPost<{ policy: RetentionPolicyDto }>('/api/retention-policies', form),
    onSettled: () => qc.invalidateQueries({ queryKey: retentionKeys.all }),
  })
}

export function useDeletePolicy() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/api/retention-policies/${id}`),
    onSettled: () => qc.invalidateQueries({ queryKey: retentionKeys.all }),
  })
}
