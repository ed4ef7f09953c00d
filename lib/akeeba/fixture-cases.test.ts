// The quirks the engine depends on, each pinned to the recorded exchange that proves it.
import { describe, expect, it } from 'vitest'
import { AkeebaError } from './types'
import { interpretResponse, type AkeebaMethod } from './interpret-response'
import { interpretDirectError } from './direct-download'
import { exchange, untruncate } from './fixtures.test-helper'

const WP = 'akeeba-wp-9.1.1'
const J = 'akeeba-joomla'

function ok<M extends AkeebaMethod>(method: M, dir: string, file: string, i: number) {
  const r = exchange(dir, file, i).response!
  return interpretResponse(method, r.httpStatus, untruncate(r.body)).data
}

function err(method: AkeebaMethod, dir: string, file: string, i: number): AkeebaError {
  const r = exchange(dir, file, i).response!
  try {
    interpretResponse(method, r.httpStatus, r.body)
  } catch (e) {
    if (e instanceof AkeebaError) return e
    throw e
  }
  throw new Error('expected an AkeebaError')
}

describe('recorded quirks', () => {
  it('coerces a step: numeric strings, per-step warnings, BackupID null at the end (fact 7)', () => {
    const first = ok('startBackup', WP, '01', 2)
    expect(first).toMatchObject({
      hasRun: true,
      domain: 'init',
      stepNumber: 2,
      recordId: 5,
      backupid: 'id-20261128-230746-938840',
      profile: 1,
      sleepTime: 0,
    })
    const last = ok('stepBackup', WP, '01', 12)
    expect(last).toMatchObject({ hasRun: false, stepState: 'finished', recordId: null, progress: 100, warnings: [] })
    expect(ok('startBackup', WP, '03', 13).warnings[0]).toMatch(/empty password/)
  })

  it("backup failures carry the server's own words (fact 2)", () => {
    const q001 = err('startBackup', J, '06', 1)
    expect(q001.kind).toBe('backup_error')
    expect(q001.envelopeStatus).toBe(500)
    expect(q001.message).toMatch(/^A backup error has occurred: Failed configuration check Q001/)
    expect(err('stepBackup', WP, '04', 8).message).toBe(
      'A backup error has occurred: ftruncate(): Argument #1 ($stream) must be of type resource, bool given',
    )
    expect(err('stepBackup', J, '04', 13).message).toMatch(/saving temporary data/)
  })

  it('503 is auth with advice; stepBackup without backupid is status 0 → protocol', () => {
    const auth = err('getVersion', WP, '06', 0)
    expect(auth.kind).toBe('auth')
    expect(auth.message).toMatch(/Core/)
    expect(auth.message).toMatch(/re-save/)
    const zero = err('stepBackup', J, '04', 11)
    expect(zero).toMatchObject({ kind: 'protocol', envelopeStatus: 0 })
    expect(zero.message).toMatch(/MANDATORY since May 2016/)
  })

  it('unknown record → not_found; unknown method and PUT → method_missing', () => {
    expect(err('getBackupInfo', J, '04', 16).kind).toBe('not_found')
    expect(err('getVersion', WP, '06', 4).kind).toBe('method_missing')
    expect(err('getVersion', J, '04', 9).message).toBe('Invalid HTTP method PUT')
  })

  it('Joomla 9.3.3 delete {"status":500,"data":""} and deleteFiles HTML 500 are errors, never success (fact 11)', () => {
    const del = err('delete', J, '07', 51)
    expect(del).toMatchObject({ kind: 'protocol', envelopeStatus: 500 })
    expect(del.message).toMatch(/refused delete \(status 500\) without a message/)
    expect(err('delete', J, '07', 55)).toMatchObject({ kind: 'protocol', envelopeStatus: 0 })
    const files = err('deleteFiles', J, '07', 46)
    expect(files.kind).toBe('http')
    expect(files.message).toMatch(/HTTP 500.*The application has stopped responding/)
    expect(ok('delete', WP, '07', 11)).toBe(true)
  })

  it('downloadDirect errors: HTTP 500, empty body, message in the reason phrase', () => {
    const r = exchange(WP, '05', 21).response!
    expect(() => interpretDirectError(r.httpStatus, r.httpReason!, r.body)).toThrowError(
      expect.objectContaining({ kind: 'not_found', message: 'Invalid backup part' }),
    )
    expect(() => interpretDirectError(500, 'Internal Server Error', '')).toThrowError(
      expect.objectContaining({ kind: 'http' }),
    )
    expect(() => interpretDirectError(200, 'OK', '{"status":503,"data":"Access denied"}')).toThrowError(
      expect.objectContaining({ kind: 'auth' }),
    )
  })

  it('download: data "" and 404 Invalid segment end a part; other 404s are errors', () => {
    expect(ok('download', WP, '05', 14)).toMatchObject({ eof: true })
    expect(ok('download', WP, '05', 15)).toMatchObject({ eof: true })
    expect(ok('download', WP, '05', 12).bytes.subarray(0, 3).toString()).toBe('JPA')
    expect(err('download', WP, '05', 19)).toMatchObject({ kind: 'not_found', message: 'Invalid backup part' })
    expect(err('download', J, '07', 34)).toMatchObject({ kind: 'protocol', envelopeStatus: 500 })
  })

  it('records: strings coerced, "NULL" remote_filename → null, size only for meta ok, filenames in part order', () => {
    const list = ok('listBackups', J, '07', 58)
    const fail = list.find((r) => r.status === 'fail')!
    expect(fail).toMatchObject({ remoteFilename: null, filesexist: true, meta: 'fail', size: null })
    const good = list.find((r) => r.meta === 'ok')!
    expect(good.size).toBe(good.totalSize)
    expect(list.find((r) => r.meta === 'pending')).toMatchObject({ status: 'run', totalSize: 0 })
    const info = ok('getBackupInfo', WP, '05', 11)
    expect(info).toMatchObject({ id: 8, meta: null, size: null, multipart: 8, profileId: 1 })
    expect(info.filenames.map((f) => f.part)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(info.filenames[0].name).toMatch(/\.jpa$/)
  })

  it('getProfiles ids: integers on Joomla, strings on WordPress, numbers for us', () => {
    expect(ok('getProfiles', J, '02', 1)).toEqual([{ id: 1, name: 'Default Backup Profile' }])
    expect(ok('getProfiles', WP, '01', 1)).toEqual([{ id: 1, name: 'Default Backup Profile' }])
    expect(ok('getVersion', WP, '01', 0)).toEqual({ api: 400, component: '9.1.1', date: '2025-12-11', edition: 'pro' })
  })
})
