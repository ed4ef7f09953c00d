// One word for an archive record: a failed or running backup first, else what its files are.
import type { ArchiveDto } from '../domain/archives'
import type { ArchiveState } from '../domain/site-state'

export function archiveState(a: Pick<ArchiveDto, 'status' | 'meta' | 'filesExist'>): ArchiveState {
  if (a.status === 'fail') return 'fail'
  if (a.status === 'run' || a.meta === 'pending') return 'pending'
  if (a.meta === 'ok' || a.meta === 'remote' || a.meta === 'obsolete' || a.meta === 'fail') return a.meta
  return a.filesExist ? 'ok' : 'obsolete'
}

/** Whether the files are on the site, so a download can work. */
export function isDownloadable(a: Pick<ArchiveDto, 'status' | 'meta' | 'filesExist' | 'goneFromSite'>): boolean {
  return !a.goneFromSite && archiveState(a) === 'ok'
}
