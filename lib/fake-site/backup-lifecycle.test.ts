// Focused behaviour of backups on the fake: kills, zombies per persona, failures, lost steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeFleet, type FakeFleet } from './fleet'
import { apiCall, runBackup, step, type StepData } from './test-support'
import type { Persona } from './types'

let fleet: FakeFleet
let n = 0
/** A fresh site per test keeps tests independent. */
function site(persona: Persona, scenario: Record<string, unknown> = {}): string {
  const id = `${persona}-${++n}`
  fleet.addSite({ id, persona, key: `key-${id}-0123456789`, scenario })
  return id
}
const start = async (id: string, params: Record<string, string> = {}) =>
  (await apiCall(fleet, id, 'startBackup', params)).env!.data as StepData
const info = async (id: string, recordId: number | string) =>
  (await apiCall(fleet, id, 'getBackupInfo', { backup_id: String(recordId) })).env!

beforeAll(async () => {
  fleet = await startFakeFleet()
})
afterAll(async () => fleet.close())

describe('a normal backup', () => {
  it.each<[Persona, number]>([
    ['wordpress', 11],
    ['joomla', 28],
  ])('%s: stepNumber 2 from startBackup, +1 per step, finished repeats postrun', async (persona, last) => {
    const id = site(persona)
    const steps = await runBackup(fleet, id, { description: 'mine' })
    expect(steps.map((s) => s.stepNumber)).toEqual([...Array.from({ length: last - 1 }, (_, i) => i + 2), last])
    expect(steps.at(-2)!.stepState).toBe('postrun')
    expect(steps.at(-1)).toMatchObject({
      HasRun: false,
      stepState: 'finished',
      BackupID: null,
      Progress: 100,
      Domain: 'finale',
    })
    expect(steps[0].Archive).toMatch(/^site-127\.0\.0\.1-\d{8}-\d{6}utc-[A-Za-z0-9_-]{16}\.jpa$/)
    expect(new Set(steps.map((s) => s.Domain))).toEqual(new Set(['init', 'installer', 'PackDB', 'Packing', 'finale']))
    const rec = await info(id, steps[0].BackupID!)
    expect(rec.data).toMatchObject({
      status: 'complete',
      description: 'mine',
      filesexist: '1',
      instep: '1',
      remote_filename: null,
    })
  })

  it.each([
    ['dbonly', ['init', 'PackDB', 'finale'], '.sql'],
    ['fileonly', ['init', 'Packing', 'finale'], '.jpa'],
    ['alldb', ['init', 'installer', 'PackDB', 'finale'], '.jpa'],
  ])('overrides[akeeba.basic.backup_type]=%s gives its domain chain', async (type, chain, ext) => {
    const id = site('wordpress')
    const steps = await runBackup(fleet, id, { 'overrides[akeeba.basic.backup_type]': type })
    expect([...new Set(steps.map((s) => s.Domain))]).toEqual(chain)
    expect(steps[0].Archive.endsWith(ext)).toBe(true)
    const progress = steps.map((s) => s.Progress)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('the scenario backupType and stepsPerDomain shape the plan; sleepTime is reported', async () => {
    const id = site('joomla', { backupType: 'dbonly', stepsPerDomain: 1, sleepTime: 250 })
    const steps = await runBackup(fleet, id)
    expect(steps.map((s) => [s.Domain, s.stepNumber, s.stepState])).toEqual([
      ['init', 2, 'running'],
      ['PackDB', 3, 'running'],
      ['finale', 4, 'postrun'],
      ['finale', 4, 'finished'],
    ])
    expect(steps.every((s) => (s as unknown as { sleepTime: number }).sleepTime === 250)).toBe(true)
  })

  it('warnings appear only in the step that raised them', async () => {
    const id = site('wordpress', {
      warnings: [
        { atStep: 2, text: 'at start' },
        { atStep: 6, text: 'six' },
      ],
    })
    const steps = await runBackup(fleet, id)
    expect(steps.filter((s) => s.Warnings.length).map((s) => [s.stepNumber, s.Warnings])).toEqual([
      [2, ['at start']],
      [6, ['six']],
    ])
    expect(steps.at(-1)!.Warnings).toEqual([])
  })

  it('stepBackup without backupid answers envelope status 0', async () => {
    const id = site('joomla')
    const r = await apiCall(fleet, id, 'stepBackup', {})
    expect(r.env).toEqual({ status: 0, data: expect.stringContaining('MANDATORY since May 2016') })
  })
})

describe('startBackup kills the backup already running (fact 3)', () => {
  it.each<Persona>(['wordpress', 'joomla'])(
    '%s: the first record fails, files gone, remote_filename "NULL"',
    async (persona) => {
      const id = site(persona)
      const a = await start(id, { description: 'A' })
      await step(fleet, id, a.backupid)
      const b = await start(id, { description: 'B' })
      const recA = await info(id, a.BackupID!)
      expect(recA.data).toMatchObject({
        status: 'fail',
        filenames: [],
        remote_filename: 'NULL',
        instep: '0',
        filesexist: '1',
      })
      expect((await info(id, b.BackupID!)).data).toMatchObject({ status: 'run', instep: '0' })
      const list = (await apiCall(fleet, id, 'listBackups', { from: '0', limit: '2' })).env!.data as {
        id: string
        meta: string
      }[]
      expect(list.map((r) => r.meta)).toEqual(['pending', 'fail'])
    },
  )

  it('wordpress: stepping the killed id answers a fresh state, then starts an unrelated backup that completes', async () => {
    const id = site('wordpress')
    const a = await start(id)
    const b = await start(id)
    const fresh = (await step(fleet, id, a.backupid)).data
    expect(fresh).toMatchObject({ stepNumber: 1, backupid: '', BackupID: null, Archive: '', Domain: 'init' })
    const zombie = (await step(fleet, id, a.backupid)).data
    expect(zombie).toMatchObject({ stepNumber: 2, backupid: '' })
    expect(zombie.BackupID).not.toBe(a.BackupID)
    expect(zombie.BackupID).not.toBe(b.BackupID)
    let last = zombie
    while (last.HasRun) last = (await step(fleet, id, a.backupid)).data
    expect(last.stepState).toBe('finished')
    const rec = (await info(id, zombie.BackupID!)).data as Record<string, string>
    expect(rec).toMatchObject({ status: 'complete', description: '', backupid: '' })
    // The zombie ran alongside B: B is not killed by it.
    expect((await step(fleet, id, b.backupid)).data.stepNumber).toBe(3)
  })

  it('joomla: stepping the killed id answers 500 "saving temporary data" and creates nothing', async () => {
    const id = site('joomla')
    const a = await start(id)
    await start(id)
    for (let i = 0; i < 3; i++) {
      const r = await step(fleet, id, a.backupid)
      expect(r.env).toEqual({
        status: 500,
        data: 'A backup error has occurred: Akeeba Engine detected a problem while saving temporary data. Please restart your backup.',
      })
    }
    expect(fleet.records(id)).toHaveLength(2)
  })
})

describe('unknown or finished backupid', () => {
  it('wordpress: a finished id gives a fresh state, a second call a new record', async () => {
    const id = site('wordpress')
    const steps = await runBackup(fleet, id)
    const first = (await step(fleet, id, steps[0].backupid)).data
    expect(first).toMatchObject({ stepNumber: 1, backupid: '', BackupID: null })
    expect(fleet.records(id)).toHaveLength(1)
    const second = (await step(fleet, id, steps[0].backupid)).data
    expect(second.stepNumber).toBe(2)
    expect(fleet.records(id)).toHaveLength(2)
  })

  it('joomla: an unknown id is a 500 every time', async () => {
    const id = site('joomla')
    for (let i = 0; i < 2; i++) expect((await step(fleet, id, 'id-20000101-000000-000000')).env!.status).toBe(500)
    expect(fleet.records(id)).toHaveLength(0)
  })
})

describe('failures', () => {
  it.each<[Persona, string]>([
    ['wordpress', 'fresh'],
    ['joomla', 'tempdata'],
  ])('%s: failAtStep answers 500, the record stays run, later steps behave per persona', async (persona, after) => {
    const id = site(persona, { failAtStep: 5 })
    const a = await start(id)
    for (const n of [3, 4]) expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(n)
    const failed = await step(fleet, id, a.backupid)
    expect(failed.env).toEqual({
      status: 500,
      data: 'A backup error has occurred: ftruncate(): Argument #1 ($stream) must be of type resource, bool given',
    })
    expect((await info(id, a.BackupID!)).data).toMatchObject({
      status: 'run',
      instep: '1',
      total_size: '0',
      filenames: [],
    })
    const next = await step(fleet, id, a.backupid)
    if (after === 'fresh') expect(next.data).toMatchObject({ stepNumber: 1, backupid: '' })
    else expect(next.env!.status).toBe(500)
    await start(id)
    expect((await info(id, a.BackupID!)).data).toMatchObject({ status: 'fail', remote_filename: 'NULL', instep: '0' })
  })

  it('failAtStart gives the persona Q001 text and creates no record; `times` limits failures', async () => {
    const wp = site('wordpress', { failAtStart: 1 })
    const r = await apiCall(fleet, wp, 'startBackup')
    expect(r.env).toEqual({
      status: 500,
      data: expect.stringContaining('Failed configuration check Q001: Output directory unwritable.'),
    })
    expect(fleet.records(wp)).toHaveLength(0)
    expect((await apiCall(fleet, wp, 'startBackup')).env!.status).toBe(200)
    const jo = site('joomla', { failAtStart: true })
    expect((await apiCall(fleet, jo, 'startBackup')).env!.data).toContain('COM_AKEEBABACKUP_CPANEL_WARNING_Q001')
  })

  it('failAtStep with a custom text and times', async () => {
    const id = site('wordpress', { failAtStep: { step: 3, text: 'disk full', times: 1 } })
    const a = await start(id)
    expect((await step(fleet, id, a.backupid)).env!.data).toBe('A backup error has occurred: disk full')
    const steps = await runBackup(fleet, id)
    expect(steps.at(-1)!.stepState).toBe('finished')
  })
})

describe('misbehaviour switches (zombie)', () => {
  it('freshAtStep: a fresh state mid-run; WordPress then drives an unrelated backup', async () => {
    const id = site('wordpress', { zombie: { freshAtStep: 5 } })
    const a = await start(id)
    await step(fleet, id, a.backupid)
    await step(fleet, id, a.backupid)
    expect((await step(fleet, id, a.backupid)).data).toMatchObject({ stepNumber: 1, backupid: '', BackupID: null })
    const z = (await step(fleet, id, a.backupid)).data
    expect(z.BackupID).not.toBe(a.BackupID)
    expect((await info(id, a.BackupID!)).data).toMatchObject({ status: 'run' })
  })

  it('freshAtStep on joomla: fresh once, then 500', async () => {
    const id = site('joomla', { zombie: { freshAtStep: 3 } })
    const a = await start(id)
    expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(1)
    expect((await step(fleet, id, a.backupid)).env!.status).toBe(500)
  })

  it('changeBackupidAtStep: the answer carries a new backupid; both ids keep working', async () => {
    const id = site('wordpress', { zombie: { changeBackupidAtStep: 4 } })
    const a = await start(id)
    await step(fleet, id, a.backupid)
    const changed = (await step(fleet, id, a.backupid)).data
    expect(changed.backupid).not.toBe(a.backupid)
    expect(changed.backupid).toMatch(/^id-\d{8}-\d{6}-\d{6}$/)
    expect((await step(fleet, id, changed.backupid)).data.stepNumber).toBe(5)
    expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(6)
  })

  it('stepBackwardsAtStep: the number goes back by 2 and counting continues from there', async () => {
    const id = site('joomla', { zombie: { stepBackwardsAtStep: 5 } })
    const a = await start(id)
    const numbers: number[] = []
    for (let i = 0; i < 4; i++) numbers.push((await step(fleet, id, a.backupid)).data.stepNumber)
    expect(numbers).toEqual([3, 4, 3, 4])
  })
})

describe('a lost response is not a lost step (fact 10)', () => {
  it.each<Persona>(['wordpress', 'joomla'])('%s: the re-send after the step time jumps by 2', async (persona) => {
    const id = site(persona)
    const a = await start(id)
    expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(3)
    fleet.setScenario(id, { stepLatencyMs: 200 })
    await expect(step(fleet, id, a.backupid, { signal: AbortSignal.timeout(50) })).rejects.toThrow()
    await new Promise((r) => setTimeout(r, 300))
    fleet.setScenario(id, { stepLatencyMs: 0 })
    expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(5)
  })

  it('a re-send while the abandoned step still runs answers the same number', async () => {
    const id = site('wordpress', { stepLatencyMs: 200 })
    const a = await start(id)
    const lost = step(fleet, id, a.backupid, { signal: AbortSignal.timeout(50) }).catch(() => 'aborted')
    await new Promise((r) => setTimeout(r, 60))
    const resend = await step(fleet, id, a.backupid)
    expect(await lost).toBe('aborted')
    expect(resend.data.stepNumber).toBe(3)
    expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(4)
  })

  it('a timeout fault still carries the step out', async () => {
    const id = site('joomla', { transportFaults: { atSteps: [{ step: 4, kind: 'timeout' }] } })
    const a = await start(id)
    await step(fleet, id, a.backupid)
    await expect(step(fleet, id, a.backupid, { signal: AbortSignal.timeout(150) })).rejects.toThrow()
    expect((await step(fleet, id, a.backupid)).data.stepNumber).toBe(5)
  })
})
