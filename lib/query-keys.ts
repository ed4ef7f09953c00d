// TanStack Query key factories, one per domain (STYLE.md rule 7). Mutations invalidate the prefix
// of what they change, e.g. queryClient.invalidateQueries({ queryKey: siteKeys.all }).
export const siteKeys = {
  all: ['sites'] as const,
  list: () => [...siteKeys.all, 'list'] as const,
  detail: (id: string) => [...siteKeys.all, 'detail', id] as const,
}

export const runKeys = {
  all: ['runs'] as const,
  list: (filter: Record<string, string | undefined> = {}) => [...runKeys.all, 'list', filter] as const,
  detail: (id: string) => [...runKeys.all, 'detail', id] as const,
  log: (id: string) => [...runKeys.all, 'log', id] as const,
}

export const archiveKeys = {
  all: ['archives'] as const,
  list: (filter: Record<string, string | undefined> = {}) => [...archiveKeys.all, 'list', filter] as const,
}

export const scheduleKeys = {
  all: ['schedules'] as const,
  list: (filter: Record<string, string | undefined> = {}) => [...scheduleKeys.all, 'list', filter] as const,
  detail: (id: string) => [...scheduleKeys.all, 'detail', id] as const,
}

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  sessions: (id: string) => [...userKeys.all, 'sessions', id] as const,
}

export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: Record<string, string | undefined> = {}) => [...auditKeys.all, 'list', filter] as const,
}
