import { describe, expect, it } from 'vitest'
import type { SiteDto } from '@/lib/domain/sites'
import { emptyFilter, facets, filterSites, readSiteFilter, shortUrl, siteFilterQuery } from './site-filter'

const site = (p: Partial<SiteDto>): SiteDto => ({
  id: p.name ?? 'x',
  name: 'x',
  baseUrl: 'https://x.test/',
  endpointUrl: null,
  platform: null,
  apiLevel: null,
  akeebaVersion: null,
  edition: null,
  defaultProfileId: 1,
  hostGroup: null,
  hostKey: 'host:x',
  tags: [],
  maxBackupAgeHours: 168,
  connectionStatus: 'ok',
  connectionError: null,
  lastCheckedAt: null,
  isDemo: false,
  archivesSyncedAt: null,
  createdAt: '',
  profiles: [],
  backupState: 'ok',
  activeRun: null,
  lastRun: null,
  lastSuccessAt: null,
  nextBackupAt: null,
  ...p,
})

const sites = [
  site({
    name: 'Bakery',
    baseUrl: 'https://bakery.example/',
    tags: ['shop'],
    hostGroup: 'hetzner-1',
    backupState: 'ok',
  }),
  site({ name: 'Dentist', baseUrl: 'https://teeth.example/', tags: ['health', 'shop'], backupState: 'failed' }),
  site({ name: 'Yoga', baseUrl: 'https://yoga.example/', backupState: 'too_old', hostGroup: 'hetzner-1' }),
]

describe('filterSites', () => {
  it('keeps everything without a filter', () => expect(filterSites(sites, emptyFilter)).toHaveLength(3))
  it('searches name and URL, case-insensitively', () => {
    expect(filterSites(sites, { ...emptyFilter, q: 'TEETH' }).map((s) => s.name)).toEqual(['Dentist'])
    expect(filterSites(sites, { ...emptyFilter, q: 'bak' }).map((s) => s.name)).toEqual(['Bakery'])
  })
  it('filters by state, attention, tag and host group together', () => {
    expect(filterSites(sites, { ...emptyFilter, state: 'failed' }).map((s) => s.name)).toEqual(['Dentist'])
    expect(filterSites(sites, { ...emptyFilter, state: 'attention' }).map((s) => s.name)).toEqual(['Dentist', 'Yoga'])
    expect(filterSites(sites, { ...emptyFilter, tag: 'shop', hostGroup: 'hetzner-1' }).map((s) => s.name)).toEqual([
      'Bakery',
    ])
  })
  it('lists facets and counts', () => {
    const f = facets(sites)
    expect(f.tags).toEqual(['health', 'shop'])
    expect(f.hostGroups).toEqual(['hetzner-1'])
    expect(f.states.get('ok')).toBe(1)
  })
  it('shortens URLs', () => expect(shortUrl('https://www.a.b/')).toBe('www.a.b'))
})

describe('site search and URL', () => {
  it('finds a site by a tag or host group, not only name and URL', () => {
    const sites = [site({ name: 'Alpha', tags: ['client-acme'] }), site({ name: 'Beta', hostGroup: 'Hetzner' })]
    expect(filterSites(sites, { ...emptyFilter, q: 'ACME' }).map((s) => s.name)).toEqual(['Alpha'])
    expect(filterSites(sites, { ...emptyFilter, q: 'hetz' }).map((s) => s.name)).toEqual(['Beta'])
  })

  it('round-trips the filter and sort through the query string', () => {
    const f = { q: 'a b', state: 'failed', tag: 'x', hostGroup: '', sort: 'name:desc' }
    expect(readSiteFilter(new URLSearchParams(siteFilterQuery(f)))).toEqual(f)
    expect(siteFilterQuery({ q: '', state: '' })).toBe('')
  })
})
