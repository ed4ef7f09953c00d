// "Download all parts" (one stored zip, read back with unzip and compared part by part with what the
// fake site serves) and bulk "Delete files" (per-archive outcomes, Joomla's refusal in its own words,
// audited) through the real route handlers, the fake site over HTTP and a real database.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDb } from './helpers/test-db'
import { bearerFor } from './helpers/auth'
import { startFakeFleet, type FakeFleet } from '@/lib/fake-site'
import { addSite } from '@/lib/sites/connect-site'
import { syncSiteArchives } from '@/lib/archives/sync-archives'
import { clientForSite } from '@/lib/archives/site-client'
import { openArchiveZipDownload } from '@/lib/archives/download-all'
import type { ArchiveDto } from '@/lib/domain/archives'
import type { BulkDeleteFilesResult } from '@/lib/archives/bulk-input'
import { getArchive } from '@/lib/db/archives'
import { db } from '@/lib/db/client'
import { GET as downloadAllRoute } from '@/app/api/archives/[id]/download-all/route'
import { POST as bulkDeleteRoute } from '@/app/api/archives/delete-files/route'

let tdb: TestDb
let fleet: FakeFleet
const dir = mkdtempSync(path.join(tmpdir(), 'archives-bulk-'))

beforeAll(async () => {
  tdb = await freshDatabase()
  fleet = await startFakeFleet({ port: 0 })
})

afterAll(async () => {
  await fleet?.close()
  await tdb?.cleanup()
  rmSync(dir, { recursive: true, force: true })
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

async function directBytes(siteId: string, remoteId: number, part: number): Promise<Buffer> {
  const client = await clientForSite(siteId)
  const d = await client.downloadDirect(remoteId, part)
  const chunks: Buffer[] = []
  for await (const c of d.stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
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

const ctx = (id: string) => ({ params: Promise.resolve({ id }) })

describe('download all parts', () => {
  it('streams every part into one stored zip, each part byte-exact, audited', async () => {
    const { siteId, archives } = await siteWith('zip-multi', {
      scenario: { archiveSizeBytes: 2_600_000, partSizeBytes: 1_000_000 },
    })
    const a = archives[0]
    expect(a.multipart).toBe(3)
    const res = await downloadAllRoute(
      new Request(`http://127.0.0.1/api/archives/${a.id}/download-all`, {
        headers: { authorization: await bearerFor('operator') },
      }),
      ctx(a.id),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-disposition')).toContain('-all-parts.zip')
    const { bytes, error } = await drain(res.body!)
    expect(error).toBeNull()
    expect(bytes.length).toBe(Number(res.headers.get('x-archive-size')))

    const file = path.join(dir, 'all.zip')
    writeFileSync(file, bytes)
    // unzip -t verifies each entry's CRC-32; -Z1 lists the names in order.
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/)
    const names = execFileSync('zipinfo', ['-1', file], { encoding: 'utf8' }).trim().split('\n')
    expect(names).toEqual(a.parts!.map((p) => p.name))
    expect(names.map((n) => n.slice(-4))).toEqual(['.jpa', '.j01', '.j02'])
    // Stored, not deflated: each part's bytes are in the zip as they are.
    expect(execFileSync('zipinfo', ['-v', file], { encoding: 'utf8' })).toMatch(/compression method:\s+none \(stored\)/)
    const out = path.join(dir, 'x')
    execFileSync('unzip', ['-q', '-o', file, '-d', out])
    for (const p of a.parts!) {
      const mine = readFileSync(path.join(out, p.name))
      expect(mine.length).toBe(p.size)
      expect(mine.equals(await directBytes(siteId, a.remoteId, p.part))).toBe(true)
    }
    const audit = await db().auditEvent.findMany({ where: { archiveId: a.id, action: 'archive.download' } })
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0].details)).toMatchObject({ part: 'all', zipSize: bytes.length })
    expect(audit[0].actor).toMatch(/token/i)
  })

  it('a viewer may not download', async () => {
    const { archives } = await siteWith('zip-viewer', {})
    const res = await downloadAllRoute(
      new Request('http://127.0.0.1/x', { headers: { authorization: await bearerFor('viewer') } }),
      ctx(archives[0].id),
    )
    expect(res.status).toBe(403)
  })

  it('cuts the zip (no directory) when a later part has the wrong byte count', async () => {
    const { archives } = await siteWith('zip-short', {
      scenario: { archiveSizeBytes: 2_600_000, partSizeBytes: 1_000_000 },
    })
    const a = archives[0]
    const real = await clientForSite(a.siteId)
    const lying = {
      downloadDirect: real.downloadDirect.bind(real),
      download: real.download.bind(real),
      getBackupInfo: async (id: number) => {
        const r = await real.getBackupInfo(id)
        return {
          data: { filenames: r.data.filenames.map((f) => (f.part === 2 ? { ...f, size: f.size + 10 } : f)) },
        }
      },
    }
    const d = await openArchiveZipDownload(a.id, lying)
    const { bytes, error } = await drain(d.body)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/ended after 1000000 of 1000010 bytes/)
    expect(bytes.length).toBeLessThan(d.size)
    // No end-of-central-directory record: no zip reader takes the cut file for a whole one.
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false)
  })

  it('answers a real error when the site cannot send the first part', async () => {
    const { archives } = await siteWith('zip-dead', {
      scenario: { archiveSizeBytes: 2_600_000, partSizeBytes: 1_000_000 },
    })
    fleet.setScenario('zip-dead', {
      transportFaults: { rate: 1, methods: ['downloadDirect', 'download'], kinds: ['502'] },
    })
    const res = await downloadAllRoute(
      new Request('http://127.0.0.1/x', { headers: { authorization: await bearerFor('operator') } }),
      ctx(archives[0].id),
    )
    expect(res.status).toBe(502)
    expect((await res.json()).error.message).toMatch(/The site did not send the archive/)
  })
})

async function bulk(body: unknown, role: 'admin' | 'operator' = 'admin'): Promise<Response> {
  return bulkDeleteRoute(
    new Request('http://127.0.0.1/api/archives/delete-files', {
      method: 'POST',
      headers: { authorization: await bearerFor(role), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  )
}

describe('bulk delete files', () => {
  it('deletes on each site through the audited path and reports each outcome; Joomla refuses in its words', async () => {
    const wp1 = await siteWith('bulk-wp1', { seedHistory: 2 })
    const wp2 = await siteWith('bulk-wp2', {})
    const jo = await siteWith('bulk-joomla', { persona: 'joomla' })
    const ids = [...wp1.archives.map((a) => a.id), wp2.archives[0].id, jo.archives[0].id]
    const res = await bulk({ ids })
    expect(res.status).toBe(200)
    const r = (await res.json()) as BulkDeleteFilesResult
    expect(r.results.map((o) => o.id)).toEqual(ids)
    expect(r.deleted).toBe(3)
    expect(r.failed).toBe(1)
    const expectedFreed = [...wp1.archives, wp2.archives[0]].reduce((n, a) => n + a.totalSize, 0)
    expect(r.freedBytes).toBe(expectedFreed)
    const refused = r.results.find((o) => o.id === jo.archives[0].id)!
    expect(refused.ok).toBe(false)
    expect(refused.code).toBe('akeeba_error')
    expect(refused.message).toMatch(
      /The site refused to delete the files of .*Its answer: .*the archive is still there/,
    )
    expect(refused.siteName).toBe('bulk-joomla')

    expect(fleet.records('bulk-wp1').every((x) => !x.filesPresent)).toBe(true)
    expect(fleet.records('bulk-wp2')[0].filesPresent).toBe(false)
    expect(fleet.records('bulk-joomla')[0].filesPresent).toBe(true)
    for (const id of ids.slice(0, 3)) {
      const a = await getArchive(id)
      expect(a?.filesExist).toBe(false)
      expect(a?.goneFromSite).toBe(false)
    }
    expect((await getArchive(jo.archives[0].id))?.filesExist).toBe(true)
    const audit = await db().auditEvent.findMany({ where: { archiveId: { in: ids } } })
    expect(audit.map((e) => e.action).sort()).toEqual([
      'archive.files_deleted',
      'archive.files_deleted',
      'archive.files_deleted',
      'archive.files_deleted.refused',
    ])
  })

  it('an unknown archive is its own outcome, not a failed batch', async () => {
    const wp = await siteWith('bulk-unknown', {})
    const r = (await (await bulk({ ids: ['nope', wp.archives[0].id] })).json()) as BulkDeleteFilesResult
    expect(r.results[0]).toMatchObject({ id: 'nope', ok: false, code: 'not_found' })
    expect(r.results[1]).toMatchObject({ ok: true })
  })

  it('refuses bad input naming the field, and an operator', async () => {
    for (const body of [{}, { ids: [] }, { ids: ['a', 'a'] }, { ids: 'a' }]) {
      const res = await bulk(body)
      expect(res.status).toBe(400)
      expect((await res.json()).error.field).toBe('ids')
    }
    expect((await bulk({ ids: ['x'] }, 'operator')).status).toBe(403)
  })
})
