import { describe, expect, it } from 'vitest'
import {
  archiveUsable,
  lastGoodBackup,
  siteBackupState,
  type ArchiveFacts,
  type BackupStateInput,
} from './backup-state'

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

describe('last good backup', () => {
  const arch = (h: number, extra: Partial<ArchiveFacts> = {}): ArchiveFacts => ({
    meta: 'ok',
    filesExist: true,
    goneFromSite: false,
    backupEnd: ago(h),
    ...extra,
  })
  it('a site just added: its newest record is the last good backup', () => {
    expect(lastGoodBackup({ lastOkRun: null, lastOkRunArchive: null, latestArchive: arch(3) })).toEqual({
      at: ago(3),
      usable: true,
    })
    expect(lastGoodBackup({ lastOkRun: null, lastOkRunArchive: null, latestArchive: null })).toEqual({
      at: null,
      usable: null,
    })
  })
  it('older archives removed by the quota do not make the last good run "files removed"', () => {
    // The run's own archive is fine; the latest archive IS that archive.
    const own = arch(1)
    const g = lastGoodBackup({ lastOkRun: { finishedAt: ago(0.99) }, lastOkRunArchive: own, latestArchive: own })
    expect(g).toEqual({ at: ago(0.99), usable: true })
    // The run's archive not linked yet: unknown, never "removed".
    expect(
      lastGoodBackup({ lastOkRun: { finishedAt: ago(1) }, lastOkRunArchive: null, latestArchive: null }).usable,
    ).toBe(null)
  })
  it('files removed only when the last good backup’s own archive lost them', () => {
    const gone = arch(1, { meta: 'obsolete', filesExist: false })
    expect(
      lastGoodBackup({ lastOkRun: { finishedAt: ago(0.9) }, lastOkRunArchive: gone, latestArchive: gone }).usable,
    ).toBe(false)
    expect(archiveUsable(arch(1, { goneFromSite: true }))).toBe(false)
    expect(archiveUsable(arch(1, { meta: 'remote', filesExist: false }))).toBe(true)
  })
  it('a newer backup taken on the site counts, so an old run of ours is not "too old"', () => {
    const g = lastGoodBackup({
      lastOkRun: { finishedAt: ago(24 * 10) },
      lastOkRunArchive: arch(24 * 10),
      latestArchive: arch(2),
    })
    expect(g).toEqual({ at: ago(2), usable: true })
  })
})

describe('last good backup, wrongly linked archive', () => {
  it('an archive older than the run is not the run’s: it never makes the site "files removed"', () => {
    const old = { meta: 'obsolete', filesExist: false, goneFromSite: false, backupEnd: ago(48) }
    const fresh = { meta: 'ok', filesExist: true, goneFromSite: false, backupEnd: ago(1.01) }
    const run = { startedAt: ago(1.05), finishedAt: ago(1) }
    expect(lastGoodBackup({ lastOkRun: run, lastOkRunArchive: old, latestArchive: fresh })).toEqual({
      at: ago(1),
      usable: true,
    })
    expect(lastGoodBackup({ lastOkRun: run, lastOkRunArchive: old, latestArchive: old }).usable).toBeNull()
  })
  it('the run’s own archive, stamped in whole seconds by a clock a little behind, is still the run’s', () => {
    const run = { startedAt: new Date(now - 800), finishedAt: new Date(now) }
    const own = { meta: 'obsolete', filesExist: false, goneFromSite: false, backupEnd: new Date(now - 1000) }
    expect(lastGoodBackup({ lastOkRun: run, lastOkRunArchive: own, latestArchive: own }).usable).toBe(false)
  })
})
