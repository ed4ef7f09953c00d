// Archive bytes, downloads and record management on the fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeFleet, type FakeFleet } from './fleet'
import { apiCall, runBackup } from './test-support'
import type { Persona } from './types'

const MiB = 1024 * 1024
let fleet: FakeFleet
let n = 0
function site(persona: Persona, scenario: Record<string, unknown> = {}, seedHistory = 0): string {
  const id = `d-${persona}-${++n}`
  fleet.addSite({ id, persona, key: `key-${id}-abcdefghij`, scenario, seedHistory })
  return id
}
type Part = { part: number; name: string; size: number }
async function filenames(id: string, recordId: number): Promise<Part[]> {
  return (
    (await apiCall(fleet, id, 'getBackupInfo', { backup_id: String(recordId) })).env!.data as { filenames: Part[] }
  ).filenames
}
async function chunked(id: string, recordId: number, part: number): Promise<Buffer> {
  const pieces: Buffer[] = []
  for (let segment = 1; ; segment++) {
    const r = await apiCall(fleet, id, 'download', {
      backup_id: String(recordId),
      part_id: String(part),
      segment: String(segment),
      chunk_size: '1',
    })
    if (r.env!.status === 404) break
    expect(r.env!.status).toBe(200)
    const b = Buffer.from(r.env!.data as string, 'base64')
    if (b.length === 0) break
    pieces.push(b)
  }
  return Buffer.concat(pieces)
}

beforeAll(async () => {
  fleet = await startFakeFleet()
})
afterAll(async () => fleet.close())

describe('multipart archives and downloads', () => {
  it('part 1 is the .jpa (last physical piece); .j01 starts with JPA; bytes match sizes and reassemble by name', async () => {
    const size = 3 * MiB + 12345
    const id = site('wordpress', { archiveSizeBytes: size, partSizeBytes: MiB + 7 })
    const steps = await runBackup(fleet, id)
    const rid = steps[0].BackupID!
    const files = await filenames(id, rid)
    expect(files.map((f) => f.name.slice(-4))).toEqual(['.jpa', '.j01', '.j02', '.j03'])
    expect(files.map((f) => f.part)).toEqual([1, 2, 3, 4])
    expect(files.reduce((s, f) => s + f.size, 0)).toBe(size)
    const rec = fleet.records(id)[0]
    expect(rec.multipart).toBe(4)
    const byPart = new Map<number, Buffer>()
    for (const f of files) {
      const viaChunks = await chunked(id, rid, f.part)
      expect(viaChunks.length).toBe(f.size)
      const direct = await apiCall(
        fleet,
        id,
        'downloadDirect',
        { backup_id: String(rid), part_id: String(f.part) },
        { verb: 'GET' },
      )
      expect(direct.httpStatus).toBe(200)
      expect(direct.headers.get('content-disposition')).toBe(`attachment; filename="${f.name}"`)
      expect(direct.headers.get('content-length')).toBe(String(f.size))
      expect(direct.headers.get('accept-ranges')).toBe('bytes')
      expect(direct.bytes.equals(viaChunks)).toBe(true)
      byPart.set(f.part, viaChunks)
    }
    expect(byPart.get(2)!.subarray(0, 3).toString('latin1')).toBe('JPA')
    // Physical order: .j01 .j02 .j03 then the .jpa (part 1).
    const whole = Buffer.concat([byPart.get(2)!, byPart.get(3)!, byPart.get(4)!, byPart.get(1)!])
    expect(whole.length).toBe(size)
    // The spanned-archive header names the number of parts.
    expect(whole.readUInt16LE(25)).toBe(4)
  })

  it('download edges: EOF segment is "", past it 404, segment 0 is 500, chunk_size strides but reads 1 MiB, bad part/id', async () => {
    const id = site('joomla', { archiveSizeBytes: 2 * MiB, stepsPerDomain: 2 })
    const rid = (await runBackup(fleet, id))[0].BackupID!
    const dl = async (p: Record<string, string>) =>
      (await apiCall(fleet, id, 'download', { backup_id: String(rid), part_id: '1', ...p })).env!
    expect(((await dl({ segment: '2' })).data as string).length).toBe(1398104)
    expect(await dl({ segment: '3' })).toEqual({ status: 200, data: '' })
    expect(await dl({ segment: '4' })).toEqual({ status: 404, data: 'Invalid segment' })
    expect(await dl({ segment: '0' })).toEqual({ status: 500, data: 'Error reading specified segment' })
    const stride = (await dl({ segment: '2', chunk_size: '2' })).data as string
    expect(stride).toBe('')
    expect(await dl({ segment: '1', part_id: '2' })).toEqual({ status: 404, data: 'Invalid backup part' })
    expect(await dl({ segment: '1', part_id: '0' })).toEqual({ status: 404, data: 'Invalid backup part' })
    expect((await apiCall(fleet, id, 'download', { backup_id: '999999' })).env).toEqual({
      status: 404,
      data: 'Invalid backup record identifier',
    })
    const bad = await apiCall(fleet, id, 'downloadDirect', { backup_id: String(rid), part_id: '9' }, { verb: 'GET' })
    expect([bad.httpStatus, bad.statusText, bad.text]).toEqual([500, 'Invalid backup part', ''])
    const badId = await apiCall(fleet, id, 'downloadDirect', { backup_id: '999999', part_id: '1' }, { verb: 'GET' })
    expect([badId.httpStatus, badId.statusText]).toEqual([500, 'Invalid backup record identifier'])
  })

  it('bytes are deterministic from the seed and the record id', async () => {
    const a = site('wordpress', { seed: 42, archiveSizeBytes: 100_000 })
    const b = site('wordpress', { seed: 42, archiveSizeBytes: 100_000 })
    const c = site('wordpress', { seed: 43, archiveSizeBytes: 100_000 })
    const bytes = async (id: string) => {
      const rid = (await runBackup(fleet, id))[0].BackupID!
      return (await apiCall(fleet, id, 'downloadDirect', { backup_id: String(rid), part_id: '1' }, { verb: 'GET' }))
        .bytes
    }
    const [ba, bb, bc] = [await bytes(a), await bytes(b), await bytes(c)]
    expect(ba.equals(bb)).toBe(true)
    expect(ba.equals(bc)).toBe(false)
    expect(fleet.records(a)[0].archivename.slice(-21)).toBe(fleet.records(b)[0].archivename.slice(-21))
  })

  it('a db-only dump is SQL text', async () => {
    const id = site('wordpress', { dbSizeBytes: 5000 })
    const rid = (await runBackup(fleet, id, { 'overrides[akeeba.basic.backup_type]': 'dbonly' }))[0].BackupID!
    const text = (await chunked(id, rid, 1)).toString('latin1')
    expect(text.length).toBe(5000)
    expect(text.startsWith('DROP TABLE IF EXISTS')).toBe(true)
  })
})

describe('records', () => {
  it('listBackups pages newest first; limit 0 is everything; the count quota makes old backups obsolete', async () => {
    const id = site('wordpress', {}, 5)
    const all = (await apiCall(fleet, id, 'listBackups', { from: '0', limit: '0' })).env!.data as Record<
      string,
      unknown
    >[]
    expect(all.map((r) => r.id)).toEqual(['5', '4', '3', '2', '1'])
    expect(all.map((r) => r.meta)).toEqual(['ok', 'ok', 'ok', 'obsolete', 'obsolete'])
    expect(all[0]).toHaveProperty('size')
    expect(all[3]).not.toHaveProperty('size')
    expect(all[0].hasRemoteFiles).toBe(false)
    const page2 = (await apiCall(fleet, id, 'listBackups', { from: '2', limit: '2' })).env!.data as { id: string }[]
    expect(page2.map((r) => r.id)).toEqual(['3', '2'])
    expect((await apiCall(fleet, id, 'listBackups', { from: '100' })).env!.data).toEqual([])
  })

  it('wordpress deleteFiles: true; getBackupInfo keeps filesexist "1" with no files; the next list flips it', async () => {
    const id = site('wordpress', {}, 1)
    expect((await apiCall(fleet, id, 'deleteFiles', { backup_id: '1' })).env).toEqual({ status: 200, data: true })
    expect((await apiCall(fleet, id, 'getBackupInfo', { backup_id: '1' })).env!.data).toMatchObject({
      filesexist: '1',
      filenames: [],
    })
    const list = (await apiCall(fleet, id, 'listBackups')).env!.data as Record<string, unknown>[]
    expect(list[0]).toMatchObject({ meta: 'obsolete', filesexist: '1', size: expect.any(String) })
    expect((await apiCall(fleet, id, 'getBackupInfo', { backup_id: '1' })).env!.data).toMatchObject({ filesexist: '0' })
    expect((await apiCall(fleet, id, 'download', { backup_id: '1' })).env).toEqual({
      status: 404,
      data: 'Invalid backup part',
    })
  })

  it('wordpress delete: removes the record; unknown id → true; 0 or missing → 500', async () => {
    const id = site('wordpress', {}, 2)
    expect((await apiCall(fleet, id, 'delete', { backup_id: '2' })).env).toEqual({ status: 200, data: true })
    expect((await apiCall(fleet, id, 'getBackupInfo', { backup_id: '2' })).env!.status).toBe(404)
    expect((await apiCall(fleet, id, 'delete', { backup_id: '999' })).env).toEqual({ status: 200, data: true })
    expect((await apiCall(fleet, id, 'delete', { backup_id: '0' })).env).toEqual({
      status: 500,
      data: 'Invalid backup record identifier',
    })
    expect((await apiCall(fleet, id, 'deleteFiles', {})).env).toEqual({
      status: 500,
      data: 'Invalid backup record identifier',
    })
  })

  it('joomla refuses both deletes and deletes nothing (fact 11)', async () => {
    const id = site('joomla', {}, 1)
    expect((await apiCall(fleet, id, 'delete', { backup_id: '1' })).env).toEqual({ status: 500, data: '' })
    expect((await apiCall(fleet, id, 'delete', {})).env).toEqual({
      status: 0,
      data: 'COM_AKEEBABACKUP_BUADMIN_ERROR_INVALIDID',
    })
    const df = await apiCall(fleet, id, 'deleteFiles', { backup_id: '1' })
    expect(df.httpStatus).toBe(500)
    expect(df.contentType).toBe('text/html; charset=utf-8')
    expect(df.text).toContain('The application has stopped responding')
    expect(fleet.records(id)[0]).toMatchObject({ filesexist: 1, filesPresent: true, status: 'complete' })
  })

  it('getLog is 501; getProfiles ids per persona', async () => {
    const wp = site('wordpress')
    const jo = site('joomla')
    expect((await apiCall(fleet, wp, 'getLog')).env!.status).toBe(501)
    expect((await apiCall(fleet, wp, 'getProfiles')).env!.data).toEqual([{ id: '1', name: 'Default Backup Profile' }])
    expect((await apiCall(fleet, jo, 'getProfiles')).env!.data).toEqual([{ id: 1, name: 'Default Backup Profile' }])
  })
})
