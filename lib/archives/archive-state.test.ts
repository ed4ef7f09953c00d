import { describe, expect, it } from 'vitest'
import { archiveState, isDownloadable } from './archive-state'

const base = { status: 'complete', meta: 'ok', filesExist: true, goneFromSite: false }

describe('archive state', () => {
  it('uses the record status before meta', () => {
    expect(archiveState({ ...base, status: 'fail', meta: 'fail' })).toBe('fail')
    expect(archiveState({ ...base, status: 'run', meta: 'pending' })).toBe('pending')
  })
  it('uses meta for complete records', () => {
    expect(archiveState(base)).toBe('ok')
    expect(archiveState({ ...base, meta: 'obsolete', filesExist: false })).toBe('obsolete')
    expect(archiveState({ ...base, meta: 'remote' })).toBe('remote')
  })
  it('falls back to filesExist when meta is missing (getBackupInfo rows)', () => {
    expect(archiveState({ ...base, meta: null })).toBe('ok')
    expect(archiveState({ ...base, meta: null, filesExist: false })).toBe('obsolete')
  })
  it('is downloadable only with files on the site', () => {
    expect(isDownloadable(base)).toBe(true)
    expect(isDownloadable({ ...base, goneFromSite: true })).toBe(false)
    expect(isDownloadable({ ...base, meta: 'obsolete' })).toBe(false)
  })
})
