// Exactly-once across processes: three separate processes fire the same schedules at the same instants
// on one database (meant for PostgreSQL: STEPWISE_TEST_DB=postgresql; also runs on SQLite). Every
// (schedule, site, fire) ends with exactly one run, and a site already backing up with exactly one skip.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, db, type TestDb } from './helpers/test-db'
import { createSchedule } from '@/lib/schedule/manage-schedules'

const root = path.resolve(import.meta.dirname, '../..')
const PROCS = 3
const SCHEDULES = 4
const SITES_PER = 5
const FIRES = 12

let t: TestDb
let children: { proc: ChildProcess; next: () => Promise<string> }[] = []

function startChild(env: Record<string, string>) {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'tests/integration/schedules-fire-child.ts')],
    {
      cwd: root,
      env: { ...process.env, ...env, STEPWISE_LOG_LEVEL: 'error' },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const lines: string[] = []
  const waiters: ((l: string) => void)[] = []
  createInterface({ input: proc.stdout! }).on('line', (l) => {
    const w = waiters.shift()
    if (w) w(l)
    else lines.push(l)
  })
  const next = () =>
    new Promise<string>((resolve) => {
      const l = lines.shift()
      if (l !== undefined) resolve(l)
      else waiters.push(resolve)
    })
  return { proc, next }
}

beforeAll(async () => {
  t = await freshDatabase()
  children = Array.from({ length: PROCS }, () => startChild(t.env))
  for (const c of children) expect(await c.next()).toBe('ready')
})

afterAll(async () => {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.proc.exitCode !== null) return resolve()
          c.proc.once('exit', () => resolve())
          c.proc.stdin!.write('exit\n')
          setTimeout(() => c.proc.kill('SIGKILL'), 5_000).unref()
        }),
    ),
  )
  await t.cleanup()
})

describe(`exactly once with ${PROCS} processes (${process.env.STEPWISE_TEST_DB ?? 'sqlite'})`, () => {
  it('each (schedule, site, fire) gets exactly one run; a busy site gets one recorded skip and no run', async () => {
    const d = db()
    const scheduleIds: string[] = []
    let busySite = ''
    for (let i = 0; i < SCHEDULES; i++) {
      for (let k = 0; k < SITES_PER; k++) {
        const s = await d.site.create({
          data: {
            name: `s${i}-${k}`,
            baseUrl: `https://s${i}-${k}.test`,
            keyCiphertext: 'v1:x',
            hostKey: `host:${i}`,
            tags: JSON.stringify([`t${i}`]),
            connectionStatus: 'ok',
          },
        })
        if (i === 0 && k === 0) busySite = s.id
      }
      const sch = await createSchedule({ tag: `t${i}`, cron: '*/5 * * * *', timezone: 'Europe/Berlin' })
      scheduleIds.push(sch.id)
    }
    // A site with a manual backup running all along: every fire must skip it once, never queue behind it.
    await d.backupRun.create({ data: { siteId: busySite, hostKey: 'host:0', status: 'running', trigger: 'manual' } })
    const base = new Date('2027-10-31T00:00:00Z') // across the Berlin fall-back hour
    await d.schedule.updateMany({ data: { nextFireAt: base, lastFireAt: null } })

    for (let f = 0; f < FIRES; f++) {
      const at = new Date(base.getTime() + f * 5 * 60_000 + 50).toISOString()
      // All processes fire the same instant at once.
      for (const c of children) c.proc.stdin!.write(`${at}\n`)
      const answers = await Promise.all(children.map((c) => c.next()))
      for (const a of answers) expect(a).toMatch(/^done \d+ \d+$/)
      const total = answers.reduce((sum, a) => sum + Number(a.split(' ')[1]), 0)
      expect(total).toBe(SCHEDULES * SITES_PER - 1)
      // The runner would back them up; mark this fire's runs finished so the next fire is free to run.
      await d.backupRun.updateMany({
        where: { trigger: 'schedule', status: 'queued' },
        data: { status: 'succeeded', finishedAt: new Date() },
      })
    }

    const runs = await d.backupRun.findMany({
      where: { trigger: 'schedule' },
      select: { scheduleId: true, siteId: true, scheduledFor: true },
    })
    const keys = runs.map((r) => `${r.scheduleId}|${r.siteId}|${r.scheduledFor?.toISOString()}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(runs).toHaveLength(FIRES * (SCHEDULES * SITES_PER - 1))
    for (const id of scheduleIds) {
      const fires = new Set(runs.filter((r) => r.scheduleId === id).map((r) => r.scheduledFor?.toISOString()))
      expect(fires.size).toBe(FIRES)
    }
    expect(runs.some((r) => r.siteId === busySite)).toBe(false)
    const skips = await d.auditEvent.findMany({ where: { action: 'schedule.skipped' } })
    expect(skips).toHaveLength(FIRES)
    expect(new Set(skips.map((s) => JSON.parse(s.details).scheduledFor)).size).toBe(FIRES)
    expect(await d.auditEvent.count({ where: { action: 'schedule.missed' } })).toBe(0)
  })
})
