// Text from a site is hostile: CR/LF or ESC in a warning cannot forge lines in the run log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRunLog } from '@/lib/runs/run-log'
import { startHarness, type Harness } from './helpers/engine-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  h.startRunner()
})
afterAll(async () => {
  await h.close()
})

describe('run log', () => {
  it('a warning with CR/LF and ESC stays on its own line, escaped', async () => {
    const siteId = await h.addSite({
      id: 'hostile-log',
      scenario: { warnings: [{ atStep: 2, text: 'disk nearly full\r\nSet-Cookie: session=stolen\u001b[2J' }] },
    })
    const run = await h.waitFor((await h.backup(siteId)).id)
    expect(run.status).toBe('succeeded')
    const { text } = await buildRunLog(run.id)
    const lines = text.split('\n')
    expect(lines.some((l) => /^\s*Set-Cookie/.test(l))).toBe(false)
    expect(lines.find((l) => l.includes('WARNING'))).toBe(
      '      WARNING: disk nearly full\\r\\nSet-Cookie: session=stolen\\u001b[2J',
    )
    expect(text).not.toMatch(/\r|\u001b/)
  })
})
