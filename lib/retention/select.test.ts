import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { ArchiveDto } from '../domain/archives'
import { isoMonth, isoWeek } from './calendar'
import { isGood, REASON, selectForSite, takenAt, type PolicyRules } from './select'

const NOW = Date.parse('2026-12-02T12:00:00Z')
const DAY = 86_400_000

let seq = 0
function arch(daysAgo: number, o: Partial<ArchiveDto> = {}): ArchiveDto {
  const id = ++seq
  const start = new Date(NOW - daysAgo * DAY).toISOString()
  return {
    id: `a${id}`,
    siteId: 's1',
    siteName: 'Site',
    siteIsDemo: false,
    remoteId: id,
    runId: `run${id}`,
    description: '',
    comment: '',
    status: 'complete',
    meta: 'ok',
    type: 'full',
    origin: 'json',
    profileId: 1,
    archiveName: `a${id}.jpa`,
    multipart: 0,
    totalSize: 100,
    backupStart: start,
    backupEnd: start,
    durationMs: 0,
    filesExist: true,
    remoteFilename: null,
    parts: null,
    goneFromSite: false,
    frozen: false,
    syncedAt: start,
    ...o,
  }
}

const policy = (o: Partial<PolicyRules> = {}): PolicyRules => ({
  id: 'p1',
  name: 'P',
  keepLast: null,
  keepDays: null,
  keepWeekly: null,
  keepMonthly: null,
  action: 'delete_files',
  includeForeign: false,
  ...o,
})

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort()

describe('calendar buckets', () => {
  it('ISO weeks across a year boundary', () => {
    expect(isoWeek(Date.parse('2026-01-01T00:00:00Z'))).toBe('2026-W01')
    expect(isoWeek(Date.parse('2027-01-01T00:00:00Z'))).toBe('2026-W53')
    expect(isoWeek(Date.parse('2026-11-18T10:00:00Z'))).toBe('2026-W47')
    expect(isoWeek(Date.parse('2024-12-30T10:00:00Z'))).toBe('2025-W01')
    expect(isoMonth(Date.parse('2026-11-30T23:59:59Z'))).toBe('2026-11')
  })
})

describe('selectForSite', () => {
  it('keepLast keeps the newest N good backups and removes the rest', () => {
    const xs = Array.from({ length: 10 }, (_, i) => arch(i))
    const { keep, remove } = selectForSite(xs, [policy({ keepLast: 3 })], NOW)
    expect(ids(keep)).toEqual(ids(xs.slice(0, 3)))
    expect(remove).toHaveLength(7)
    expect(remove.every((a) => a.action === 'delete_files')).toBe(true)
    expect(remove[0].reasons).toEqual(['policy P: delete files'])
    expect(keep[0].reasons).toEqual([REASON.newestGood, 'keepLast 3 (policy P)'])
  })

  it('keepDays keeps everything newer than N days', () => {
    const xs = Array.from({ length: 10 }, (_, i) => arch(i + 0.5))
    const { keep } = selectForSite(xs, [policy({ keepDays: 4 })], NOW)
    expect(keep).toHaveLength(4)
  })

  it('GFS keeps the newest good backup of each of the newest N weeks and months', () => {
    const xs = Array.from({ length: 70 }, (_, i) => arch(i))
    const { keep } = selectForSite(xs, [policy({ keepWeekly: 3, keepMonthly: 2 })], NOW)
    const weeks = keep.filter((a) => a.reasons.some((r) => r.startsWith('weekly')))
    const months = keep.filter((a) => a.reasons.some((r) => r.startsWith('monthly')))
    expect(weeks).toHaveLength(3)
    expect(months).toHaveLength(2)
    expect(new Set(weeks.map((a) => isoWeek(takenAt(a)))).size).toBe(3)
    expect(months.map((a) => a.reasons.find((r) => r.startsWith('monthly')))).toEqual([
      'monthly 2026-12 (policy P)',
      'monthly 2026-11 (policy P)',
    ])
  })

  it('never touches frozen, running, foreign or newest-failed records', () => {
    const xs = [
      arch(0, { status: 'run', meta: 'pending' }),
      arch(1, { status: 'fail', meta: 'fail' }),
      arch(2),
      arch(3, { frozen: true }),
      arch(4, { runId: null }),
      arch(5, { status: 'fail', meta: 'fail' }),
      arch(6),
    ]
    const { keep, remove } = selectForSite(xs, [policy({ keepLast: 1, action: 'delete_records' })], NOW)
    expect(ids(remove)).toEqual(ids([xs[5], xs[6]]))
    const why = Object.fromEntries(keep.map((a) => [a.id, a.reasons[0]]))
    expect(why[xs[0].id]).toBe(REASON.running)
    expect(why[xs[1].id]).toBe(REASON.failedNewest)
    expect(why[xs[3].id]).toBe(REASON.frozen)
    expect(why[xs[4].id]).toBe(REASON.foreign)
  })

  it('includeForeign takes records without our marker; our marker in the comment counts as ours', () => {
    const xs = [arch(0), arch(1, { runId: null }), arch(2, { runId: null, comment: 'stepwise-run:abc123' })]
    expect(ids(selectForSite(xs, [policy({ keepLast: 1 })], NOW).remove)).toEqual([xs[2].id])
    expect(ids(selectForSite(xs, [policy({ keepLast: 1, includeForeign: true })], NOW).remove)).toEqual(
      ids([xs[1], xs[2]]),
    )
  })

  it('delete_files leaves records without files alone; delete_records removes them', () => {
    const xs = [arch(0), arch(1, { meta: 'obsolete', filesExist: false }), arch(2)]
    const files = selectForSite(xs, [policy({ keepLast: 1 })], NOW)
    expect(ids(files.remove)).toEqual([xs[2].id])
    expect(files.keep.find((a) => a.id === xs[1].id)?.reasons).toEqual([REASON.noFiles])
    const recs = selectForSite(xs, [policy({ keepLast: 1, action: 'delete_records' })], NOW)
    expect(ids(recs.remove)).toEqual(ids([xs[1], xs[2]]))
  })

  it('the newest good backup survives even when all good ones are older than keepDays', () => {
    const xs = [arch(40), arch(50), arch(60)]
    const { keep, remove } = selectForSite(xs, [policy({ keepDays: 7 })], NOW)
    expect(ids(keep)).toEqual([xs[0].id])
    expect(remove).toHaveLength(2)
  })

  it('the milder action wins when two policies remove the same archive', () => {
    const xs = [arch(0), arch(1)]
    const both = [policy({ keepLast: 1, action: 'delete_records' }), policy({ id: 'p2', name: 'Q', keepLast: 1 })]
    expect(selectForSite(xs, both, NOW).remove[0]).toMatchObject({
      action: 'delete_files',
      reasons: ['policy Q: delete files'],
    })
  })
})

// ---- properties ---------------------------------------------------------------------------------

const archiveArb = fc.record({
  daysAgo: fc.integer({ min: 0, max: 400 }),
  kind: fc.constantFrom('ok', 'ok', 'ok', 'obsolete', 'fail', 'run'),
  frozen: fc.boolean(),
  ours: fc.boolean(),
})
const policyArb = fc.record({
  keepLast: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  keepDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
  keepWeekly: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
  keepMonthly: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  action: fc.constantFrom('delete_files' as const, 'delete_records' as const),
  includeForeign: fc.boolean(),
})

type Spec = { daysAgo: number; kind: string; frozen: boolean; ours: boolean }
type PolicySpec = Omit<PolicyRules, 'id' | 'name'>

function build(specs: Spec[]): ArchiveDto[] {
  return specs.map((s) =>
    arch(s.daysAgo, {
      status: s.kind === 'fail' ? 'fail' : s.kind === 'run' ? 'run' : 'complete',
      meta: s.kind === 'run' ? 'pending' : s.kind,
      filesExist: s.kind === 'ok',
      frozen: s.frozen,
      runId: s.ours ? 'r' : null,
    }),
  )
}
const asPolicies = (ps: PolicySpec[]) => ps.map((p, i) => policy({ ...p, id: `p${i}`, name: `P${i}` }))

describe('selection properties', () => {
  it('never removes the newest good backup, a frozen, running or foreign-without-consent record', () => {
    fc.assert(
      fc.property(fc.array(archiveArb, { maxLength: 40 }), fc.array(policyArb, { maxLength: 3 }), (specs, ps) => {
        const xs = build(specs)
        const pols = asPolicies(ps)
        const { keep, remove } = selectForSite(xs, pols, NOW)
        expect(keep.length + remove.length).toBe(xs.length)
        const newestGood = [...xs].filter(isGood).sort((a, b) => takenAt(b) - takenAt(a) || b.remoteId - a.remoteId)[0]
        for (const a of remove) {
          expect(a.id).not.toBe(newestGood?.id)
          expect(a.frozen).toBe(false)
          expect(a.status).not.toBe('run')
          if (a.runId === null) expect(pols.some((p) => p.includeForeign)).toBe(true)
        }
      }),
    )
  })

  it('adding a policy never removes what a policy already kept (the union is monotonic)', () => {
    fc.assert(
      fc.property(fc.array(archiveArb, { maxLength: 40 }), policyArb, policyArb, (specs, a, b) => {
        const xs = build(specs)
        const [pa, pb] = asPolicies([a, b])
        const alone = selectForSite(xs, [pa], NOW)
        const both = selectForSite(xs, [pa, pb], NOW)
        const keptByRule = alone.keep.filter((x) => x.reasons.some((r) => r.includes('(policy '))).map((x) => x.id)
        const removedBoth = new Set(both.remove.map((x) => x.id))
        for (const id of keptByRule) expect(removedBoth.has(id)).toBe(false)
        const removedEither = new Set([...alone.remove, ...selectForSite(xs, [pb], NOW).remove].map((x) => x.id))
        for (const id of removedBoth) expect(removedEither.has(id)).toBe(true)
      }),
    )
  })
})
