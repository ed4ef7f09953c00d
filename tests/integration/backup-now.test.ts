// "Back up now" is idempotent per site: while a run is queued or running, the route answers 200 with
// that run instead of queueing a second backup — also when two requests arrive at the same moment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as backupRoute } from '@/app/api/sites/[id]/backups/route'
import { listRuns } from '@/lib/runs/read-runs'
import { startHarness, type Harness } from './helpers/engine-harness'
import { bearerFor } from './helpers/auth'

let h: Harness
let operator = ''
beforeAll(async () => {
  h = await startHarness()
  operator = await bearerFor('operator')
})
afterAll(async () => {
  await h.close()
})

const press = (siteId: string) =>
  backupRoute(
    new Request(`http://127.0.0.1:3000/api/sites/${siteId}/backups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: operator },
      body: '{}',
    }),
    { params: Promise.resolve({ id: siteId }) },
  )

describe('Back up now', () => {
  it('a double click queues one backup: 202 then 200 with the same run', async () => {
    const siteId = await h.addSite({ id: 'double', scenario: { stepLatencyMs: 30 } })
    const [a, b] = await Promise.all([press(siteId), press(siteId)])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([200, 202])
    const [ra, rb] = [(await a.json()).run, (await b.json()).run]
    expect(ra.id).toBe(rb.id)
    expect(await listRuns({ siteId })).toHaveLength(1)
  })

  it('while the backup runs, pressing again returns it; once it ended, a new one is queued', async () => {
    const siteId = await h.addSite({ id: 'again', scenario: { stepLatencyMs: 60 } })
    const first = await (await press(siteId)).json()
    h.startRunner()
    for (let i = 0; i < 100 && (await listRuns({ siteId }))[0].status !== 'running'; i++)
      await new Promise((r) => setTimeout(r, 20))
    const during = await press(siteId)
    expect(during.status).toBe(200)
    expect((await during.json()).run.id).toBe(first.run.id)
    await h.waitFor(first.run.id)
    const after = await press(siteId)
    expect(after.status).toBe(202)
    expect((await after.json()).run.id).not.toBe(first.run.id)
    await h.waitFor((await listRuns({ siteId }))[0].id)
    await h.runner!.stop(200)
  })
})
