// Archive sync copes with a site whose listBackups ignores `limit` (a real one sent 33,301 records):
// 40,000 records are mirrored in bounded batches (no "too many SQL variables"), a second sync writes
// nothing, and a record gone from the site is marked gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { syncArchivesWith } from '@/lib/archives/after-run'
import { siteApiFromClient, clientFor } from '@/lib/engine/site-client'
import { startHarness, type Harness } from './helpers/engine-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

const N = 40_000

describe('archive sync of a huge list', () => {
  it(`mirrors ${N.toLocaleString('en')} records from a site that ignores limit, then re-syncs cheaply`, async () => {
    const siteId = await h.addSite({ id: 'huge', seedHistory: N, scenario: { ignoreListLimit: true, countQuota: 0 } })
    const api = siteApiFromClient(
      clientFor({ url: h.fleet.endpointUrl('huge'), platform: 'wordpress' }, h.fleet.key('huge')),
    )
    let calls = 0
    const counted = {
      ...api,
      listBackups: (from: number, limit: number, signal?: AbortSignal) => (
        calls++,
        api.listBackups(from, limit, signal)
      ),
    }
    expect(await syncArchivesWith(counted, siteId)).toBe(N)
    expect(calls).toBe(1)
    expect(await db().archive.count({ where: { siteId } })).toBe(N)
    const written = await db().archive.aggregate({ where: { siteId }, _max: { updatedAt: true } })

    await syncArchivesWith(counted, siteId)
    expect(await db().archive.count({ where: { siteId } })).toBe(N)
    // Unchanged records are not written again: no row changed in the second pass.
    expect(await db().archive.count({ where: { siteId, updatedAt: { gt: written._max.updatedAt! } } })).toBe(0)

    const victim = await db().archive.findFirstOrThrow({ where: { siteId }, orderBy: { remoteId: 'asc' } })
    await api.deleteRecord(victim.remoteId)
    await syncArchivesWith(counted, siteId)
    expect((await db().archive.findUniqueOrThrow({ where: { id: victim.id } })).goneFromSite).toBe(true)
    expect(await db().archive.count({ where: { siteId, goneFromSite: true } })).toBe(1)
  }, 300_000)
})
