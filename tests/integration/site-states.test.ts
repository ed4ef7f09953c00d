// Each site's backup state at a glance, derived from its runs and archives in the database, whatever
// the size of the fleet's history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { getSite, listSites } from '@/lib/sites/list-sites'
import { freshDatabase, type TestDb } from './helpers/test-db'

let t: TestDb
beforeAll(async () => {
  t = await freshDatabase()
})
afterAll(async () => {
  await t.cleanup()
})

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000)

async function site(name: string, extra: object = {}) {
  return db().site.create({
    data: {
      name,
      baseUrl: `https://${name}.test`,
      keyCiphertext: 'v1:x',
      hostKey: `host:${name}`,
      connectionStatus: 'ok',
      ...extra,
    },
  })
}
async function run(siteId: string, status: string, finishedHoursAgo: number | null, extra: object = {}) {
  return db().backupRun.create({
    data: {
      siteId,
      hostKey: 'h',
      status,
      startedAt: hoursAgo((finishedHoursAgo ?? 0) + 1),
      finishedAt: finishedHoursAgo === null ? null : hoursAgo(finishedHoursAgo),
      ...extra,
    },
  })
}
async function archive(
  siteId: string,
  runId: string | null,
  remoteId: number,
  endHoursAgo: number,
  extra: object = {},
) {
  return db().archive.create({
    data: { siteId, runId, remoteId, status: 'complete', meta: 'ok', backupEnd: hoursAgo(endHoursAgo), ...extra },
  })
}

describe('site backup states', () => {
  it('derives every state right, even with a long history elsewhere in the fleet', async () => {
    const ok = await site('ok')
    await archive(ok.id, (await run(ok.id, 'succeeded', 2)).id, 1, 2)
    const failed = await site('failed')
    await run(failed.id, 'succeeded', 30)
    await run(failed.id, 'failed', 3, { errorMessage: 'A backup error has occurred: disk full' })
    const old = await site('old')
    await archive(old.id, (await run(old.id, 'succeeded', 24 * 10)).id, 1, 24 * 10)
    const obsolete = await site('obsolete')
    await archive(obsolete.id, (await run(obsolete.id, 'succeeded', 5)).id, 1, 5, {
      meta: 'obsolete',
      filesExist: false,
    })
    await site('never')
    const running = await site('running')
    await run(running.id, 'running', null, { progress: 42, domain: 'PackDB' })
    const cancelled = await site('cancelled')
    await archive(cancelled.id, (await run(cancelled.id, 'succeeded', 6)).id, 1, 6)
    await run(cancelled.id, 'cancelled', 1)
    const imported = await site('imported')
    await archive(imported.id, null, 7, 12)
    await site('down', { connectionStatus: 'not_connected' })
    // A busy neighbour: hundreds of newer runs must not hide the others' last runs.
    const busy = await site('busy')
    for (let i = 0; i < 300; i++) await run(busy.id, 'succeeded', i / 100)

    const byName = Object.fromEntries((await listSites()).map((s) => [s.name, s]))
    expect(byName.ok.backupState).toBe('ok')
    expect(byName.failed.backupState).toBe('failed')
    expect(byName.failed.lastRun?.errorMessage).toContain('disk full')
    expect(byName.old.backupState).toBe('too_old')
    expect(byName.obsolete.backupState).toBe('obsolete')
    expect(byName.never.backupState).toBe('never')
    expect(byName.running.backupState).toBe('running')
    expect(byName.running.activeRun).toMatchObject({ progress: 42, domain: 'PackDB' })
    expect(byName.cancelled.backupState).toBe('ok')
    expect(byName.imported.backupState).toBe('ok')
    expect(byName.imported.lastSuccessAt).not.toBeNull()
    expect(byName.down.backupState).toBe('not_connected')
    expect(byName.busy.backupState).toBe('ok')
  })
})

describe('a site as the list and the site page show it', () => {
  // The list reads plain SQL (lib/db/raw-read.ts): every column comes back in the API's own types on
  // SQLite (dates as text, booleans as 0/1) and PostgreSQL alike.
  it('has every field in its API type, for the list and for one site', async () => {
    const checked = new Date('2026-11-30T10:11:12.345Z')
    const s = await site('shape', {
      isDemo: true,
      apiLevel: 400,
      platform: 'joomla',
      endpointUrl: 'https://shape.test/index.php',
      tags: JSON.stringify(['client', 'eu']),
      lastCheckedAt: checked,
      maxBackupAgeHours: 48,
      defaultProfileId: 2,
      profiles: {
        create: [
          { remoteId: 2, name: 'Files only' },
          { remoteId: 1, name: 'Default' },
        ],
      },
    })
    const ok = await run(s.id, 'succeeded', 1, { warningsCount: 3 })
    await archive(s.id, ok.id, 9, 1)
    const active = await run(s.id, 'running', null, { progress: 17, domain: 'PackDB' })
    const expected = {
      id: s.id,
      name: 'shape',
      baseUrl: 'https://shape.test',
      endpointUrl: 'https://shape.test/index.php',
      platform: 'joomla',
      apiLevel: 400,
      akeebaVersion: null,
      edition: null,
      defaultProfileId: 2,
      hostGroup: null,
      hostKey: 'host:shape',
      tags: ['client', 'eu'],
      maxBackupAgeHours: 48,
      connectionStatus: 'ok',
      connectionError: null,
      lastCheckedAt: checked.toISOString(),
      isDemo: true,
      archivesSyncedAt: null,
      createdAt: s.createdAt.toISOString(),
      profiles: [
        { id: 1, name: 'Default' },
        { id: 2, name: 'Files only' },
      ],
      backupState: 'running',
      activeRun: {
        id: active.id,
        status: 'running',
        progress: 17,
        domain: 'PackDB',
        startedAt: active.startedAt?.toISOString(),
      },
      lastRun: {
        id: ok.id,
        status: 'succeeded',
        finishedAt: ok.finishedAt?.toISOString(),
        errorMessage: null,
        warningsCount: 3,
      },
      lastSuccessAt: ok.finishedAt?.toISOString(),
      nextBackupAt: null,
    }
    expect((await listSites()).find((x) => x.id === s.id)).toStrictEqual(expected)
    expect(await getSite(s.id)).toStrictEqual(expected)
    expect(await getSite('no-such-site')).toBeNull()
  })
})
