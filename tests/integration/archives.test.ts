// Archive sync, download streaming (exact bytes, multipart, fallback to chunked, size checks) and
// deletes against the fake site over real HTTP, with a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { startFakeFleet, type FakeFleet } from '@/lib/fake-site'
import { addSite } from '@/lib/sites/connect-site'
import { syncSiteArchives } from '@/lib/archives/sync-archives'
import { openArchiveDownload } from '@/lib/archives/download-archive'
import { deleteOnSite } from '@/lib/archives/delete-archive'
import { clientForSite } from '@/lib/archives/site-client'
import { SizeMismatchError } from '@/lib/archives/part-stream'
import { getArchive } from '@/lib/db/archives'
import type { ArchiveDto } from '@/lib/domain/archives'
import { AppError } from '@/lib/api/errors'
import { db } from '@/lib/db/client'

let tdb: TestDb
let fleet: FakeFleet

beforeAll(async () => {
  tdb = await freshDatabase()
  fleet = await startFakeFleet({ port: 0 })
})

afterAll(async () => {
  await fleet?.close()
  await tdb?.cleanup()
})

async function siteWith(id: string, cfg: Record<string, unknown>): Promise<{ siteId: string; archives: ArchiveDto[] }> {
  const info = fleet.addSite({
    id,
    persona: 'wordpress',
    key: `key${id.replace(/-/g, '')}Abc123`,
    seedHistory: 1,
    ...cfg,
  })
  const site = await addSite({ name: id, url: info.url, key: info.key, tags: [], saveIfUnreachable: false })
  return { siteId: site.id, archives: await syncSiteArchives(site.id) }
}

async function drain(body: ReadableStream<Uint8Array>): Promise<{ bytes: Buffer; error: unknown }> {
  const chunks: Buffer[] = []
  const reader = body.getReader()
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return { bytes: Buffer.concat(chunks), error: null }
      chunks.push(Buffer.from(value))
    }
  } catch (e) {
    return { bytes: Buffer.concat(chunks), error: e }
  }
}

/** The reference bytes, straight from the fake with downloadDirect (test only: buffered). */
async function directBytes(siteId: string, remoteId: number, part: number): Promise<Buffer> {
  const client = await clientForSite(siteId)
  const d = await client.downloadDirect(remoteId, part)
  const chunks: Buffer[] = []
  for await (const c of d.stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

describe('archive sync', () => {
  it('mirrors the records and reads the part names of multipart archives', async () => {
    const { archives } = await siteWith('sync-multi', {
      scenario: { archiveSizeBytes: 2_600_000, partSizeBytes: 1_000_000 },
    })
    expect(archives).toHaveLength(1)
    const a = archives[0]
    expect(a.multipart).toBe(3)
    // Part 1 is the .jpa (the last physical piece), then .j01, .j02 (DESIGN.md fact 9).
    expect(a.parts?.map((p) => p.name.slice(-4))).toEqual(['.jpa', '.j01', '.j02'])
    expect(a.parts?.map((p) => p.size)).toEqual([600_000, 1_000_000, 1_000_000])
  })
})

describe('archive download', () => {
  it('streams a single-file archive byte for byte', async () => {
    const { siteId, archives } = await siteWith('dl-single', { scenario: { archiveSizeBytes: 2_500_123 } })
    const a = archives[0]
    const d = await openArchiveDownload(a.id, 1)
    expect(d.size).toBe(2_500_123)
    expect(d.filename).toBe(a.archiveName)
    const { bytes, error } = await drain(d.body)
    expect(error).toBeNull()
    expect(bytes.equals(await directBytes(siteId, a.remoteId, 1))).toBe(true)
    expect(bytes.subarray(0, 3).toString('latin1')).toBe('JPA')
  })

  it('streams every part of a multipart archive with its own name and size', async () => {
    const { siteId, archives } = await siteWith('dl-multi', {
      scenario: { archiveSizeBytes: 2_600_000, partSizeBytes: 1_000_000 },
    })
    const a = archives[0]
    for (const p of a.parts!) {
      const d = await openArchiveDownload(a.id, p.part)
      expect(d.filename).toBe(p.name)
      expect(d.size).toBe(p.size)
      const { bytes, error } = await drain(d.body)
      expect(error).toBeNull()
      expect(bytes.length).toBe(p.size)
      expect(bytes.equals(await directBytes(siteId, a.remoteId, p.part))).toBe(true)
    }
    await expect(openArchiveDownload(a.id, 9)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('falls back to the chunked download when downloadDirect fails', async () => {
    const { siteId, archives } = await siteWith('dl-fallback', { scenario: { archiveSizeBytes: 2_300_000 } })
    const a = archives[0]
    const reference = await directBytes(siteId, a.remoteId, 1)
    fleet.setScenario('dl-fallback', { transportFaults: { rate: 1, methods: ['downloadDirect'], kinds: ['502'] } })
    fleet.clearCalls('dl-fallback')
    const d = await openArchiveDownload(a.id, 1)
    const { bytes, error } = await drain(d.body)
    expect(error).toBeNull()
    expect(bytes.equals(reference)).toBe(true)
    const methods = fleet.calls('dl-fallback').map((c) => c.method)
    expect(methods).toContain('downloadDirect')
    expect(methods.filter((m) => m === 'download').length).toBeGreaterThanOrEqual(3) // 3 segments (+ the end marker)
  })

  it('aborts when the site sends fewer bytes than it reported', async () => {
    const { archives } = await siteWith('dl-short', { scenario: { archiveSizeBytes: 1_500_000 } })
    const a = archives[0]
    const real = await clientForSite(a.siteId)
    const lying = {
      downloadDirect: real.downloadDirect.bind(real),
      download: real.download.bind(real),
      getBackupInfo: async (id: number) => {
        const r = await real.getBackupInfo(id)
        return { data: { filenames: r.data.filenames.map((f) => ({ ...f, size: f.size + 10 })) } }
      },
    }
    const d = await openArchiveDownload(a.id, 1, lying)
    expect(d.size).toBe(1_500_010)
    const { bytes, error } = await drain(d.body)
    expect(error).toBeInstanceOf(SizeMismatchError)
    expect((error as SizeMismatchError).tooLong).toBe(false)
    // The last chunk is held back, so the browser never receives a "complete" short file.
    expect(bytes.length).toBeLessThan(1_500_000)
    expect(bytes.length).toBeGreaterThan(0)
  })

  it('aborts when the site sends more bytes than it reported', async () => {
    const { archives } = await siteWith('dl-long', { scenario: { archiveSizeBytes: 1_500_000 } })
    const a = archives[0]
    const real = await clientForSite(a.siteId)
    const lying = {
      downloadDirect: real.downloadDirect.bind(real),
      download: real.download.bind(real),
      getBackupInfo: async (id: number) => {
        const r = await real.getBackupInfo(id)
        return { data: { filenames: r.data.filenames.map((f) => ({ ...f, size: f.size - 10 })) } }
      },
    }
    const d = await openArchiveDownload(a.id, 1, lying)
    const { bytes, error } = await drain(d.body)
    expect(error).toBeInstanceOf(SizeMismatchError)
    expect((error as SizeMismatchError).tooLong).toBe(true)
    expect(bytes.length).toBeLessThan(1_499_990)
  })
})

describe('archive delete', () => {
  it('deleteFiles leaves the record, now obsolete, and is audited', async () => {
    const { archives } = await siteWith('del-files', {})
    const r = await deleteOnSite(archives[0].id, 'files')
    expect(r.archive?.meta).toBe('obsolete')
    expect(r.archive?.filesExist).toBe(false)
    const audit = await db().auditEvent.findMany({ where: { archiveId: archives[0].id } })
    expect(audit.map((e) => e.action)).toContain('archive.files_deleted')
  })

  it('delete removes the record from the site and from the list', async () => {
    const { siteId, archives } = await siteWith('del-record', {})
    const r = await deleteOnSite(archives[0].id, 'record')
    expect(r.archive).toBeNull()
    expect(fleet.records('del-record')).toHaveLength(0)
    expect((await getArchive(archives[0].id))?.goneFromSite).toBe(true)
    expect(await syncSiteArchives(siteId)).toHaveLength(0)
  })

  it('Joomla 9.3.3 refuses both: the archive stays as it was and the refusal is explained', async () => {
    const { archives } = await siteWith('del-joomla', { persona: 'joomla' })
    const a = archives[0]
    for (const mode of ['record', 'files'] as const) {
      const err = await deleteOnSite(a.id, mode).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('akeeba_error')
      expect((err as AppError).message).toMatch(/The site refused to delete/)
      const now = await getArchive(a.id)
      expect(now?.goneFromSite).toBe(false)
      expect(now?.meta).toBe('ok')
      expect(now?.filesExist).toBe(true)
    }
    expect(fleet.records('del-joomla')[0].filesPresent).toBe(true)
    const audit = await db().auditEvent.findMany({ where: { archiveId: a.id } })
    expect(audit.map((e) => e.action).sort()).toEqual(['archive.deleted.refused', 'archive.files_deleted.refused'])
  })
})

describe('archive download failures before the first byte', () => {
  it('answers a real error when both download methods fail', async () => {
    const { archives } = await siteWith('dl-dead', {})
    fleet.setScenario('dl-dead', {
      transportFaults: { rate: 1, methods: ['downloadDirect', 'download'], kinds: ['502'] },
    })
    const err = await openArchiveDownload(archives[0].id, 1).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('akeeba_error')
    expect((err as AppError).message).toMatch(/The site did not send the archive/)
  })
})
