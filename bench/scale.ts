// A year of history: 500 sites, 100,000 runs and 1,000,000 step rows seeded with raw multi-row
// INSERTs, then the reads the dashboard makes, timed as the route handlers and the Runs page call
// them (p95 of repeated calls): one run and its new steps, the sites list, the Runs page's query
// with filters. Prints the query plans of the statements behind them, the bytes per step row and
// the database's size.
import { randomUUID } from 'node:crypto'
import { freshBenchDatabase, pct, pgAvailable, record, type BenchDb } from './common'

const SITES = Number(process.env.BENCH_SCALE_SITES ?? 500)
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 100_000)
const STEPS_PER_RUN = Number(process.env.BENCH_SCALE_STEPS_PER_RUN ?? 10)
const REPS = 60

// A stepBackup answer as Akeeba sends it (about 450 bytes), varied per row.
const body = (i: number) =>
  JSON.stringify({
    status: 200,
    data: {
      body: {
        status: 200,
        data: {
          HasRun: 1,
          Domain: 'PackDB',
          Step: `Backing up database table #__posts_${i % 97}`,
          Substep: `Dumped ${i * 37} rows of #__postmeta`,
          Progress: i % 100,
          backupid: `id-${(i % 9999) + 1}`,
          sleepTime: 0,
          stepNumber: (i % 11) + 1,
          stepState: 'running',
          Warnings: [],
          Error: '',
        },
      },
    },
  })

async function insertRows(b: BenchDb, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  const { insertRowsRaw } = await import('../lib/db/bench-probes')
  await insertRowsRaw(b.kind, table, cols, rows)
}

const STATUSES = [
  'succeeded',
  'succeeded',
  'succeeded',
  'succeeded',
  'succeeded',
  'succeeded',
  'succeeded',
  'succeeded',
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
]
const TRIGGERS = ['schedule', 'schedule', 'schedule', 'schedule', 'manual', 'api']

export async function seed(b: BenchDb): Promise<{ siteIds: string[]; runIds: string[] }> {
  const { insertSite } = await import('../lib/db/sites')
  const { encryptSiteKey } = await import('../lib/secrets/site-key-cipher')
  const { analyzeDatabase } = await import('../lib/db/bench-probes')
  const cipher = encryptSiteKey('BenchKey123')
  const siteIds: string[] = []
  for (let i = 0; i < SITES; i++) {
    siteIds.push(
      await insertSite(
        {
          name: `site-${i}`,
          baseUrl: `https://site-${i}.example.com`,
          keyCiphertext: cipher,
          hostGroup: null,
          hostKey: `host:site-${i % 50}.example.com`,
          tags: i % 3 ? ['client'] : ['internal'],
        },
        {
          endpointUrl: `https://site-${i}.example.com/index.php`,
          platform: i % 2 ? 'joomla' : 'wordpress',
          apiLevel: 400,
          akeebaVersion: '9.1.1',
          edition: 'pro',
          connectionStatus: 'ok',
          connectionError: null,
          profiles: [{ id: 1, name: 'Default' }],
        },
      ),
    )
  }
  const yearMs = 365 * 86_400_000
  const t0 = Date.now() - yearMs
  const runIds: string[] = []
  const runCols = [
    'id',
    'siteId',
    'profileId',
    'trigger',
    'status',
    'phase',
    'hostKey',
    'progress',
    'stepSeq',
    'warningsCount',
    'errorKind',
    'errorMessage',
    'lastStepNumber',
    'createdAt',
    'startedAt',
    'finishedAt',
    'updatedAt',
  ]
  const stepCols = [
    'id',
    'runId',
    'seq',
    'call',
    'stepNumber',
    'domain',
    'step',
    'substep',
    'progress',
    'warnings',
    'sleepTime',
    'stepState',
    'httpStatus',
    'envelopeStatus',
    'durationMs',
    'rawBody',
    'createdAt',
  ]
  const started = Date.now()
  const RUN_BATCH = b.kind === 'postgresql' ? 1000 : 1000
  const STEP_BATCH = 1500
  let steps: unknown[][] = []
  let k = 0
  for (let i = 0; i < RUNS; i += RUN_BATCH) {
    const rows: unknown[][] = []
    for (let j = i; j < Math.min(RUNS, i + RUN_BATCH); j++) {
      const id = randomUUID().replace(/-/g, '')
      runIds.push(id)
      const created = new Date(t0 + Math.floor((j / RUNS) * yearMs))
      const status = STATUSES[j % STATUSES.length]
      const fin = new Date(created.getTime() + 60_000 + (j % 600) * 1000)
      rows.push([
        id,
        siteIds[j % SITES],
        1,
        TRIGGERS[j % TRIGGERS.length],
        status,
        status === 'succeeded' ? 'done' : 'failed',
        `host:site-${(j % SITES) % 50}.example.com`,
        100,
        STEPS_PER_RUN,
        0,
        status === 'failed' ? 'akeeba_error' : null,
        status === 'failed' ? 'The site reported an error' : null,
        STEPS_PER_RUN,
        created,
        created,
        fin,
        fin,
      ])
      for (let s = 1; s <= STEPS_PER_RUN; s++) {
        steps.push([
          randomUUID().replace(/-/g, ''),
          id,
          s,
          s === 1 ? 'startBackup' : 'stepBackup',
          s,
          'PackDB',
          'Backing up',
          'tables',
          Math.round((s / STEPS_PER_RUN) * 100),
          '[]',
          0,
          'running',
          200,
          200,
          2000 + (k % 500),
          body(k++),
          new Date(created.getTime() + s * 2000),
        ])
      }
    }
    await insertRows(b, 'BackupRun', runCols, rows)
    for (let s = 0; s < steps.length; s += STEP_BATCH)
      await insertRows(b, 'BackupStep', stepCols, steps.slice(s, s + STEP_BATCH))
    steps = []
    if ((i / RUN_BATCH) % 20 === 0)
      process.stdout.write(`  seeded ${i + RUN_BATCH} runs (${((Date.now() - started) / 1000).toFixed(0)} s)\r`)
  }
  // Archives: the site keeps its records (the newest 20 backups of each site, as a retention policy
  // would leave them); only each site's newest still has its files. Schedules: a nightly one for the
  // "client" tag and a weekly one for "internal", 30 minutes of stagger each.
  const archiveCols = [
    'id',
    'siteId',
    'remoteId',
    'runId',
    'status',
    'archiveName',
    'totalSize',
    'backupStart',
    'backupEnd',
    'filesExist',
    'syncedAt',
    'createdAt',
    'updatedAt',
  ]
  const archives: unknown[][] = []
  const kept = new Map<string, number>()
  for (let j = RUNS - 1; j >= 0 && archives.length < SITES * 20; j--) {
    if (STATUSES[j % STATUSES.length] !== 'succeeded') continue
    const site = siteIds[j % SITES]
    const n = kept.get(site) ?? 0
    if (n >= 20) continue
    kept.set(site, n + 1)
    const created = new Date(t0 + Math.floor((j / RUNS) * yearMs))
    const fin = new Date(created.getTime() + 60_000 + (j % 600) * 1000)
    archives.push([
      randomUUID().replace(/-/g, ''),
      site,
      j + 1,
      runIds[j],
      'complete',
      `site-${j % SITES}-${j}.jpa`,
      150_000_000,
      created,
      fin,
      n === 0,
      fin,
      fin,
      fin,
    ])
  }
  for (let i = 0; i < archives.length; i += 1000)
    await insertRows(b, 'Archive', archiveCols, archives.slice(i, i + 1000))
  const now = new Date()
  await insertRows(
    b,
    'Schedule',
    ['id', 'name', 'tag', 'cron', 'timezone', 'staggerMinutes', 'enabled', 'nextFireAt', 'createdAt', 'updatedAt'],
    [
      [
        randomUUID().replace(/-/g, ''),
        'Nightly clients',
        'client',
        '0 2 * * *',
        'Europe/Berlin',
        30,
        true,
        new Date(now.getTime() + 5 * 3_600_000),
        now,
        now,
      ],
      [
        randomUUID().replace(/-/g, ''),
        'Weekly internal',
        'internal',
        '0 3 * * 0',
        'UTC',
        30,
        true,
        new Date(now.getTime() + 50 * 3_600_000),
        now,
        now,
      ],
    ],
  )
  await analyzeDatabase()
  console.log(
    `  seeded ${RUNS} runs, ${RUNS * STEPS_PER_RUN} steps, ${SITES} sites (${archives.length} archives, 2 schedules) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  )
  return { siteIds, runIds }
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn()
  const out: number[] = []
  for (let i = 0; i < REPS; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out
}

async function plans(b: BenchDb, sqls: { what: string; sql: string; params: unknown[] }[]): Promise<void> {
  const { explainPlan } = await import('../lib/db/bench-probes')
  for (const q of sqls) {
    const lines = await explainPlan(b.kind, q.sql, q.params)
    console.log(`  plan · ${q.what}\n${lines.map((l) => `      ${l}`).join('\n')}`)
  }
}

async function dbBytes(b: BenchDb): Promise<{ total: number; steps: number | null }> {
  const { databaseBytes } = await import('../lib/db/bench-probes')
  return databaseBytes(b.kind, b.url)
}

export async function scale(kind: 'sqlite' | 'postgresql'): Promise<void> {
  if (kind === 'postgresql' && !(await pgAvailable())) {
    record({ name: 'seeded reads on PostgreSQL', figure: 'n/a', target: '-', ok: null, note: 'no PostgreSQL' })
    return
  }
  console.log(`\n== ${RUNS} runs, ${RUNS * STEPS_PER_RUN} steps, ${SITES} sites seeded (${kind})`)
  const b = await freshBenchDatabase(kind)
  try {
    const { siteIds, runIds } = await seed(b)
    const { readRunDetail, listRuns } = await import('../lib/runs/read-runs')
    const { listSites } = await import('../lib/sites/list-sites')
    const size = await dbBytes(b)
    const stepRows = RUNS * STEPS_PER_RUN
    const perRow = size.steps !== null ? size.steps / stepRows : size.total / stepRows
    console.log(
      `  database size ${(size.total / 1e6).toFixed(0)} MB; step rows with their indexes ${size.steps !== null ? (size.steps / 1e6).toFixed(0) + ' MB' : 'n/a'}`,
    )
    record({
      name: `bytes per step row (${kind})`,
      figure: `${perRow.toFixed(0)} B`,
      target: 'report',
      ok: null,
      note: `${size.steps !== null ? 'table + indexes' : 'whole file / rows'}; raw body ≈ ${body(1).length} B`,
    })
    record({
      name: `database size after the seed (${kind})`,
      figure: `${(size.total / 1e6).toFixed(0)} MB`,
      target: 'report',
      ok: null,
    })

    const pick = () => runIds[Math.floor(Math.random() * runIds.length)]
    const detail = await time(() => readRunDetail(pick(), STEPS_PER_RUN - 3))
    record({
      name: `GET /api/runs/{id}?afterSeq=N p95 (${kind})`,
      figure: `${pct(detail, 95).toFixed(1)} ms`,
      target: '≤ 20 ms',
      ok: pct(detail, 95) <= 20,
    })
    const sites = await time(() => listSites())
    record({
      name: `GET /api/sites, ${SITES} sites, p95 (${kind})`,
      figure: `${pct(sites, 95).toFixed(1)} ms`,
      target: '≤ 50 ms',
      ok: pct(sites, 95) <= 50,
    })
    const since = new Date(Date.now() - 90 * 86_400_000)
    const filters = [
      {},
      { status: ['failed' as const] },
      { trigger: 'manual' },
      { siteId: siteIds[7] },
      { status: ['failed' as const, 'timed_out' as const], since },
    ]
    let f = 0
    // The Runs page: its filtered run list and the site list (Promise.all, as the page does).
    const page = await time(() =>
      Promise.all([listRuns({ ...filters[f++ % filters.length], limit: 200 }), listSites()]),
    )
    record({
      name: `Runs page with filters p95 (${kind})`,
      figure: `${pct(page, 95).toFixed(1)} ms`,
      target: '≤ 100 ms',
      ok: pct(page, 95) <= 100,
      note: 'its queries; 5 filter shapes',
    })

    const pg = kind === 'postgresql'
    const p = (n: number) => (pg ? `$${n}` : '?')
    await plans(b, [
      {
        what: 'steps of a run after N',
        sql: `SELECT * FROM "BackupStep" WHERE "runId" = ${p(1)} AND "seq" > ${p(2)} ORDER BY "seq"`,
        params: [runIds[5], 7],
      },
      {
        what: 'latest finished run per site (sites list: lib/db/runs.ts latestRunPerSite)',
        sql: `SELECT r."id", r."status" FROM "Site" s JOIN "BackupRun" r ON r."id" = (SELECT r2."id" FROM "BackupRun" r2 WHERE r2."siteId" = s."id" AND r2."finishedAt" IS NOT NULL AND r2."status" IN (${p(1)}, ${p(2)}) ORDER BY r2."finishedAt" DESC LIMIT 1)`,
        params: ['succeeded', 'failed'],
      },
      {
        what: 'newest complete archive per site (sites list: lib/db/archives.ts latestCompleteArchivePerSite)',
        sql: `SELECT a."id" FROM "Site" s JOIN "Archive" a ON a."id" = (SELECT a2."id" FROM "Archive" a2 WHERE a2."siteId" = s."id" AND a2."status" = ${p(1)} AND a2."backupEnd" IS NOT NULL ORDER BY a2."backupEnd" DESC LIMIT 1)`,
        params: ['complete'],
      },
      {
        what: 'Runs page, two statuses since a date',
        sql: `SELECT "id" FROM "BackupRun" WHERE "status" IN (${p(1)}, ${p(2)}) AND "createdAt" >= ${p(3)} ORDER BY "createdAt" DESC, "id" DESC LIMIT 200`,
        params: ['failed', 'timed_out', since],
      },
      {
        what: 'Runs page, status filter',
        sql: `SELECT "id" FROM "BackupRun" WHERE "status" IN (${p(1)}) ORDER BY "createdAt" DESC, "id" DESC LIMIT 200`,
        params: ['failed'],
      },
      {
        what: 'Runs page, trigger filter',
        sql: `SELECT "id" FROM "BackupRun" WHERE "trigger" = ${p(1)} ORDER BY "createdAt" DESC, "id" DESC LIMIT 200`,
        params: ['manual'],
      },
      {
        what: 'Runs page, site filter',
        sql: `SELECT "id" FROM "BackupRun" WHERE "siteId" = ${p(1)} ORDER BY "createdAt" DESC, "id" DESC LIMIT 200`,
        params: [siteIds[7]],
      },
    ])
  } finally {
    await b.close()
  }
}
