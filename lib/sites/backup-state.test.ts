import { describe, expect, it } from 'vitest'
import { siteBackupState, type BackupStateInput } from './backup-state'

const now = Date.parse('2026-11-29T12:00:00Z')
const base: BackupStateInput = {
  connectionStatus: 'ok',
  running: false,
  lastStatus: null,
  lastFinishedAt: null,
  lastSuccessAt: null,
  latestArchiveUsable: null,
  maxAgeMs: 7 * 86_400_000,
  now,
}
const ago = (h: number) => new Date(now - h * 3_600_000)

describe('site backup state', () => {
  it('never backed up', () => expect(siteBackupState(base)).toBe('never'))
  it('running wins over everything', () =>
    expect(siteBackupState({ ...base, running: true, connectionStatus: 'not_connected' })).toBe('running'))
  it('not connected / no api', () => {
    expect(siteBackupState({ ...base, connectionStatus: 'not_connected' })).toBe('not_connected')
    expect(siteBackupState({ ...base, connectionStatus: 'no_api' })).toBe('no_api')
  })
  it('ok within max age, too old after it', () => {
    expect(
      siteBackupState({ ...base, lastStatus: 'succeeded', lastSuccessAt: ago(10), latestArchiveUsable: true }),
    ).toBe('ok')
    expect(
      siteBackupState({ ...base, lastStatus: 'succeeded', lastSuccessAt: ago(24 * 8), latestArchiveUsable: true }),
    ).toBe('too_old')
  })
  it('last failed even when an older success exists', () => {
    expect(siteBackupState({ ...base, lastStatus: 'failed', lastSuccessAt: ago(5) })).toBe('failed')
    expect(siteBackupState({ ...base, lastStatus: 'timed_out', lastSuccessAt: ago(5) })).toBe('failed')
  })
  it('obsolete when the good archive lost its files', () => {
    expect(
      siteBackupState({ ...base, lastStatus: 'succeeded', lastSuccessAt: ago(1), latestArchiveUsable: false }),
    ).toBe('obsolete')
  })
  it('unknown when connection never checked and nothing ran', () => {
    expect(siteBackupState({ ...base, connectionStatus: 'unknown' })).toBe('unknown')
  })
})
