// The runner against fake sites over real HTTP: every DESIGN.md fact the engine must respect.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db/client'
import { createRun, listSteps } from '@/lib/db/runs'
import { cancelRun } from '@/lib/runs/cancel-run'
import { backupCalls, startHarness, type Harness } from './helpers/engine-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  h.startRunner()
})
afterAll(async () => {
  await h.close()
})

const CHAINS: Record<string, string[]> = {
  full: ['init', 'installer', 'PackDB', 'Packing', 'finale'],
  dbonly: ['init', 'PackDB', 'finale'],
  fileonly: ['init', 'Packing', 'finale'],
  incfile: ['init', 'Packing', 'finale'],
  alldb: ['init', 'installer', 'PackDB', 'finale'],
}

describe(`engine on ${process.env.STEPWISE_TEST_DB ?? 'sqlite'}`, () => {
  for (const persona of ['wordpress', 'joomla'] as const) {
    for (const type of Object.keys(CHAINS)) {
      it(`${persona}: a ${type} backup completes, verified, with its archive linked`, async () => {
        const siteId = await h.addSite({ id: `${persona}-${type}`, persona })
        const run = await h.waitFor((await h.backup(siteId, { backupType: type })).id)
        expect(run.status, run.errorMessage ?? '').toBe('succeeded')
        expect(run.progress).toBe(100)
        const steps = await listSteps(run.id)
        const domains = [...new Set(steps.filter((s) => s.domain).map((s) => s.domain))]
        expect(domains).toEqual(CHAINS[type])
        expect(steps[0].call).toBe('startBackup')
        expect(steps.at(-1)!.call).toBe('getBackupInfo')
        // The archive sync runs right after the run is stored as succeeded.
        const archive = await vi.waitFor(
          async () => {
            const a = await db().archive.findFirst({ where: { runId: run.id } })
            if (!a?.parts) throw new Error('archive not synced yet')
            return a
          },
          { timeout: 10_000, interval: 50 },
        )
        expect(archive?.status).toBe('complete')
        expect(archive?.remoteId).toBe(run.remoteRecordId)
        expect(JSON.parse(archive!.parts!).length).toBeGreaterThan(0)
        // Exactly one startBackup, and nothing sent after the finished answer but the verification.
        const calls = backupCalls(h.fleet, `${persona}-${type}`)
        expect(calls.filter((c) => /startbackup/i.test(c.method))).toHaveLength(1)
        expect(calls.at(-1)!.params.backupid).toBe(run.remoteBackupId)
      })
    }
  }

  it('keeps warnings per step (fact 6)', async () => {
    const siteId = await h.addSite({
      id: 'warn',
      scenario: {
        warnings: [
          { atStep: 2, text: 'first warning' },
          { atStep: 5, text: 'second warning' },
        ],
      },
    })
    const run = await h.waitFor((await h.backup(siteId)).id)
    expect(run.status).toBe('succeeded')
    expect(run.warningsCount).toBe(2)
    const steps = await listSteps(run.id)
    expect(steps.find((s) => s.stepNumber === 2)!.warnings).toEqual(['first warning'])
    expect(steps.find((s) => s.stepNumber === 5)!.warnings).toEqual(['second warning'])
    expect(steps.filter((s) => s.warnings.length)).toHaveLength(2)
  })

  for (const persona of ['wordpress', 'joomla'] as const) {
    it(`${persona}: failure at step k fails with the server's words (fact 2)`, async () => {
      const siteId = await h.addSite({
        id: `fail-${persona}`,
        persona,
        scenario: { failAtStep: { step: 6, text: 'Disk quota exceeded while writing part 1' } },
      })
      const run = await h.waitFor((await h.backup(siteId)).id)
      expect(run.status).toBe('failed')
      expect(run.errorKind).toBe('backup_error')
      expect(run.errorMessage).toContain('Disk quota exceeded while writing part 1')
      const after = backupCalls(h.fleet, `fail-${persona}`)
      // No stepBackup after the failure answer.
      expect(after.at(-1)!.method.toLowerCase()).toBe('stepbackup')
      expect(after.filter((c) => /stepbackup/i.test(c.method)).length).toBe(4) // answers 3, 4, 5, then 6 fails
    })
  }

  it('fails at start with the Q001 configuration check, no retry', async () => {
    const siteId = await h.addSite({ id: 'q001', scenario: { failAtStart: true } })
    const run = await h.waitFor((await h.backup(siteId)).id)
    expect(run.status).toBe('failed')
    expect(run.errorMessage).toMatch(/Q001/)
    expect(backupCalls(h.fleet, 'q001')).toHaveLength(1)
  })

  const misbehaviour = [
    ['zombie fresh state', { freshAtStep: 5 }, 'zombie'],
    ['backupid change', { changeBackupidAtStep: 5 }, 'backupid_changed'],
    ['stepNumber going backwards', { stepBackwardsAtStep: 5 }, 'step_regressed'],
  ] as const
  for (const [name, zombie, kind] of misbehaviour) {
    it(`${name} stops the run without stepping a stranger's backup (fact 4)`, async () => {
      const id = `z-${kind}`
      const siteId = await h.addSite({ id, scenario: { zombie } })
      const run = await h.waitFor((await h.backup(siteId)).id)
      expect(run.status).toBe('failed')
      expect(run.errorKind).toBe(kind)
      const calls = backupCalls(h.fleet, id)
      const steps = await listSteps(run.id)
      const firstAsk = steps.findIndex((s) => s.call === 'getBackupInfo' || s.call === 'listBackups')
      expect(firstAsk).toBeGreaterThan(1)
      const bad = steps[firstAsk - 1]
      expect(bad.call).toBe('stepBackup')
      if (kind === 'zombie') expect(bad.stepNumber).toBe(1)
      if (kind === 'step_regressed') expect(bad.stepNumber!).toBeLessThan(steps[firstAsk - 2].stepNumber!)
      // After the bad answer only the reconciliation, never another stepBackup, and never with a
      // stranger's backupid.
      expect(steps.slice(firstAsk).every((s) => s.call !== 'stepBackup')).toBe(true)
      expect(
        calls.filter((c) => /stepbackup/i.test(c.method)).every((c) => c.params.backupid === run.remoteBackupId),
      ).toBe(true)
      expect(calls.filter((c) => /stepbackup/i.test(c.method)).length).toBe(
        steps.filter((s) => s.call === 'stepBackup').length,
      )
    })
  }

  it('10 % injected transport faults: every backup still completes (fact 10)', async () => {
    const ids: string[] = []
    for (let i = 0; i < 6; i++) {
      const siteId = await h.addSite({
        id: `faulty-${i}`,
        scenario: {
          transportFaults: { rate: 0.1, kinds: ['reset', '502', 'timeout'], methods: ['stepBackup'], hangMs: 400 },
          seed: 100 + i,
        },
      })
      ids.push((await h.backup(siteId)).id)
    }
    process.env.STEPWISE_STEP_TIMEOUT_MS = '300'
    const runs = await Promise.all(ids.map((id) => h.waitFor(id, 60_000)))
    for (const r of runs) expect(r.status, `${r.siteName}: ${r.errorMessage}`).toBe('succeeded')
    const retried = await db().backupStep.count({ where: { runId: { in: ids }, errorKind: { not: null } } })
    expect(retried).toBeGreaterThan(0)
  })

  it('a dead site fails in bounded time with a transport error', async () => {
    const siteId = await h.addSite({ id: 'dead' })
    await h.fleet.close().catch(() => undefined)
    const t0 = Date.now()
    const run = await h.waitFor((await h.backup(siteId)).id, 20_000)
    expect(run.status).toBe('failed')
    expect(['transport', 'not_created']).toContain(run.errorKind)
    expect(Date.now() - t0).toBeLessThan(20_000)
    // Bring a fleet back for any later test.
    h.fleet = await (await import('@/lib/fake-site')).startFakeFleet({ port: 0, sites: [] })
  })
})

describe('one active run per site', () => {
  it('two runs queued for one site: one startBackup at a time, never overlapping (fact 3)', async () => {
    // "Back up now" no longer queues a second run for a busy site (backup-now.test.ts); the engine
    // still never overlaps two runs of one site, however they were queued.
    const siteId = await h.addSite({ id: 'twice', scenario: { stepLatencyMs: 20 } })
    const a = await h.backup(siteId)
    const b = await createRun({ siteId, hostKey: 'host:127.0.0.1', profileId: 1, trigger: 'api' })
    const [ra, rb] = [await h.waitFor(a.id), await h.waitFor(b.id)]
    expect(ra.status).toBe('succeeded')
    expect(rb.status).toBe('succeeded')
    const calls = backupCalls(h.fleet, 'twice')
    const starts = calls.map((c, i) => (/startbackup/i.test(c.method) ? i : -1)).filter((i) => i >= 0)
    expect(starts).toHaveLength(2)
    // Every step of run A comes before B's startBackup.
    const aSteps = calls.filter((c) => c.params.backupid === ra.remoteBackupId)
    expect(calls.indexOf(aSteps.at(-1)!)).toBeLessThan(starts[1])
  })

  it('cancel stops ticking and marks the run cancelled', async () => {
    const siteId = await h.addSite({ id: 'slow-cancel', scenario: { stepLatencyMs: 150 } })
    const run = await h.backup(siteId)
    for (let i = 0; i < 100 && (await listSteps(run.id)).length < 2; i++) await new Promise((r) => setTimeout(r, 30))
    await cancelRun(run.id, true)
    const done = await h.waitFor(run.id)
    expect(done.status).toBe('cancelled')
    const n = backupCalls(h.fleet, 'slow-cancel').length
    await new Promise((r) => setTimeout(r, 400))
    expect(backupCalls(h.fleet, 'slow-cancel').length).toBe(n)
    // The partial record was deleted on the site, as asked.
    expect(h.fleet.calls('slow-cancel').some((c) => c.method === 'delete')).toBe(true)
  })

  it('a lost startBackup answer is reconciled, never re-sent (fact 3)', async () => {
    const siteId = await h.addSite({
      id: 'lost-start',
      scenario: { transportFaults: { atSteps: [{ step: 2, kind: 'reset' }] } },
    })
    const run = await h.waitFor((await h.backup(siteId)).id)
    expect(run.status, run.errorMessage ?? '').toBe('succeeded')
    expect(backupCalls(h.fleet, 'lost-start').filter((c) => /startbackup/i.test(c.method))).toHaveLength(1)
  })

  it('auth failure ends the run with advice', async () => {
    const siteId = await h.addSite({ id: 'auth-later' })
    h.fleet.setScenario('auth-later', { wrongKey: true })
    const run = await h.waitFor((await h.backup(siteId)).id)
    expect(run.status).toBe('failed')
    expect(run.errorKind).toBe('auth')
    expect(run.errorMessage).toMatch(/Secret Word|key/i)
  })
})
