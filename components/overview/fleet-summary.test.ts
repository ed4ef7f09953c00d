import { describe, expect, it } from 'vitest'
import { summarize, type SummarySite } from './fleet-summary'

const NOW = Date.UTC(2026, 5, 1)
const h = (n: number) => new Date(NOW - n * 3_600_000).toISOString()
const site = (id: string, over: Partial<SummarySite>): SummarySite => ({
  id,
  name: id,
  backupState: 'ok',
  lastSuccessAt: h(1),
  maxBackupAgeHours: 24,
  connectionStatus: 'ok',
  isDemo: false,
  ...over,
})

describe('summarize', () => {
  it('counts states, the fresh share and the stale sites oldest first', () => {
    const s = summarize(
      [
        site('a', {}),
        site('b', { backupState: 'too_old', lastSuccessAt: h(30) }),
        site('c', { backupState: 'never', lastSuccessAt: null }),
        site('d', { backupState: 'not_connected', lastSuccessAt: null, connectionStatus: 'not_connected' }),
        site('e', { backupState: 'running', lastSuccessAt: h(2), maxBackupAgeHours: 1 }),
      ],
      NOW,
    )
    expect(s.total).toBe(5)
    expect(s.byState).toEqual({ ok: 1, too_old: 1, never: 1, not_connected: 1, running: 1 })
    expect(s.fresh).toBe(1)
    expect(s.freshShare).toBe(20)
    expect(s.stale.map((x) => x.id)).toEqual(['c', 'b', 'e'])
  })

  it('has no share without sites', () => {
    expect(summarize([], NOW)).toMatchObject({ total: 0, freshShare: null, stale: [] })
  })
})
