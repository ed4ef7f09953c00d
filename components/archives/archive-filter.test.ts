import { describe, expect, it } from 'vitest'
import type { ArchiveDto } from '@/lib/domain/archives'
import { archiveFilterQuery, canDeleteFiles, filterArchives, readArchiveFilter } from './archive-filter'

function a(p: Partial<ArchiveDto>): ArchiveDto {
  return {
    id: 'a',
    siteId: 's1',
    siteName: 'Bakery',
    siteIsDemo: false,
    remoteId: 1,
    runId: null,
    description: 'Nightly',
    comment: '',
    status: 'complete',
    meta: 'ok',
    type: 'full',
    origin: 'json',
    profileId: 1,
    archiveName: 'site-bakery.jpa',
    multipart: 1,
    totalSize: 10,
    backupStart: null,
    backupEnd: null,
    durationMs: null,
    filesExist: true,
    remoteFilename: null,
    parts: null,
    goneFromSite: false,
    syncedAt: '2026-01-01T00:00:00Z',
    ...p,
  } as ArchiveDto
}

const rows = [
  a({ id: '1' }),
  a({
    id: '2',
    siteId: 's2',
    siteName: 'Florist',
    archiveName: 'site-florist.jpa',
    meta: 'obsolete',
    filesExist: false,
  }),
  a({
    id: '3',
    siteId: 's2',
    siteName: 'Florist',
    archiveName: '',
    status: 'fail',
    meta: 'fail',
    description: 'Before update',
  }),
]
const tags: Record<string, string[]> = { s1: ['client-acme'], s2: ['client-zeta'] }

describe('filterArchives', () => {
  it('filters by site, state and a search over site name, tags, archive name and description', () => {
    const f = (x: Partial<{ siteId: string; state: string; q: string }>) =>
      filterArchives(rows, { siteId: '', state: '', q: '', ...x }, (id) => tags[id] ?? []).map((r) => r.id)
    expect(f({})).toEqual(['1', '2', '3'])
    expect(f({ siteId: 's2' })).toEqual(['2', '3'])
    expect(f({ state: 'obsolete' })).toEqual(['2'])
    expect(f({ q: 'florist' })).toEqual(['2', '3'])
    expect(f({ q: 'ACME' })).toEqual(['1'])
    expect(f({ q: 'before' })).toEqual(['3'])
    expect(f({ q: 'bakery.jpa' })).toEqual(['1'])
    expect(f({ siteId: 's2', state: 'fail', q: 'zeta' })).toEqual(['3'])
  })

  it('round-trips through the URL and leaves empty values out', () => {
    const q = archiveFilterQuery({ siteId: 's 1', state: 'ok', q: 'a&b', sort: 'size:desc' })
    expect(readArchiveFilter(new URLSearchParams(q))).toEqual({
      siteId: 's 1',
      state: 'ok',
      q: 'a&b',
      sort: 'size:desc',
    })
    expect(archiveFilterQuery({ siteId: '', state: 'ok', q: '' })).toBe('state=ok')
  })

  it('only archives with their files on the site can have their files deleted', () => {
    expect(rows.map(canDeleteFiles)).toEqual([true, false, false])
    expect(canDeleteFiles(a({ goneFromSite: true }))).toBe(false)
    expect(canDeleteFiles(a({ status: 'run', meta: 'pending' }))).toBe(false)
  })
})
