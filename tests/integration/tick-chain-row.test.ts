// A chained tick (lease kept, next step due at once) starts from the row the last tick left, as
// rowAfterCommits computes it plus the cancel flags its commit read back, instead of reading the run
// again: that row must equal the stored one at every step of real backups (WordPress and Joomla, with
// warnings and a cancel at the end).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { claimDue, promoteQueued } from '@/lib/db/run-claims'
import { loadTickRow, TICK_SELECT } from '@/lib/db/run-ticks'
import { flagCancelIfRunning } from '@/lib/db/runs'
import { tick, type TickDeps } from '@/lib/engine/tick'
import { apiForRun } from '@/lib/engine/site-client'
import { startHarness, FAST_POLICY, type Harness } from './helpers/engine-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

async function drive(siteId: string, cancelAfter?: number): Promise<{ ticks: number; status: string }> {
  const run = await h.backup(siteId)
  await promoteQueued({ maxConcurrent: 10, maxPerHost: 0 })
  const [c] = await claimDue('chain-test', 1, TICK_SELECT)
  expect(c.runId).toBe(run.id)
  const deps: TickDeps = {
    api: await apiForRun(run.id),
    policy: FAST_POLICY,
    now: () => new Date(),
    rand: Math.random,
    maxLeaseExpiries: 5,
    maxRunMs: 3_600_000,
    chainLeaseMs: 60_000,
  }
  let result = await tick(run.id, c.token, deps, c.row)
  let ticks = 1
  while (result.kind === 'continued' && result.leaseKept) {
    const mine = result.row!
    const stored = await loadTickRow(run.id)
    expect(mine, `row after tick ${ticks}`).toEqual(stored)
    // A cancel requested now (as during the next call) is read back by that tick's own commit, and
    // the tick after it acts on it.
    if (cancelAfter !== undefined && ticks === cancelAfter) await flagCancelIfRunning(run.id, false)
    result = await tick(run.id, c.token, deps, mine)
    ticks++
  }
  // Times written by the tick (the step rows', the lease's) are the instants they were taken, in any
  // time zone of the process (PostgreSQL writes them with raw SQL: run-ticks.ts commitTickFlags).
  const last = await db().backupStep.findFirstOrThrow({ where: { runId: run.id }, orderBy: { seq: 'desc' } })
  expect(Math.abs(last.createdAt.getTime() - Date.now())).toBeLessThan(30_000)
  const stored = await db().backupRun.findUniqueOrThrow({ where: { id: run.id } })
  expect(Math.abs(stored.updatedAt.getTime() - Date.now())).toBeLessThan(30_000)
  return { ticks, status: result.kind === 'finished' ? result.status : result.kind }
}

describe('chained ticks carry the row forward', () => {
  it('matches the stored row at every step of a WordPress backup with warnings', async () => {
    const siteId = await h.addSite({
      id: 'chain-wp',
      scenario: { stepLatencyMs: 0, countQuota: 0, warnings: [{ atStep: 4 }, { atStep: 6 }] },
    })
    const r = await drive(siteId)
    expect(r.status).toBe('succeeded')
    expect(r.ticks).toBeGreaterThan(8)
  })

  it('matches it for a Joomla backup, and sees a cancel flagged meanwhile', async () => {
    const siteId = await h.addSite({ id: 'chain-j', persona: 'joomla', scenario: { stepLatencyMs: 0, countQuota: 0 } })
    expect((await drive(siteId)).status).toBe('succeeded')
    const r = await drive(siteId, 4)
    expect(r.status).toBe('cancelled')
  })
})
