'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiGet, apiPatch, apiPost } from '@/lib/api/client-fetch'
import { userKeys } from '@/lib/query-keys'
import type { SessionDto, UserDto } from '@/lib/auth/users'
import type { Role } from '@/lib/domain/roles'

export function useUsers(initial?: UserDto[]) {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: async () => (await apiGet<{ users: UserDto[] }>('/api/users')).users,
    initialData: initial,
  })
}

export interface NewUserInput {
  email: string
  name?: string
  role: Exclude<Role, 'owner'>
  password: string
}

export function useAddUser() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: NewUserInput) => apiPost<{ user: UserDto }>('/api/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.list() }),
  })
}

export function useUpdateUser() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string; role?: Role; disabled?: boolean }) =>
      apiPatch<{ user: UserDto }>(`/api/users/${encodeURIComponent(id)}`, change),
    onSettled: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  })
}

export function useUserSessions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: userKeys.sessions(id),
    queryFn: async () =>
      (await apiGet<{ sessions: SessionDto[] }>(`/api/users/${encodeURIComponent(id)}/sessions`)).sessions,
    enabled,
  })
}

/** Ends one session of a user, or every session (sessionId omitted). */
export function useRevokeSessions(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (sessionId?: string) =>
      apiDelete(`/api/users/${encodeURIComponent(id)}/sessions${sessionId ? `/${encodeURIComponent(sessionId)}` : ''}`),
    onSettled: () => qc.invalidateQueries({ queryKey: userKeys.sessions(id) }),
  })
}

/** Turns off a user's two-step sign-in (lost phone and backup codes); their sessions end. */
export function useResetTwoFactor() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/api/users/${encodeURIComponent(id)}/two-factor`),
    onSettled: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  })
}
