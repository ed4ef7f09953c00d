// `npm test`: every tier, in order, stopping at the first red one: typecheck, lint, format, unit,
// integration (SQLite, and PostgreSQL whenever one is reachable), then Playwright in Chromium.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import net from 'node:net'

const root = path.resolve(import.meta.dirname, '..')
const bin = (n) => path.join(root, 'node_modules/.bin', n)
const results = []

function step(name, cmd, args, env = {}) {
  const t = Date.now()
  console.log(`\n=== ${name} ===`)
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  })
  const ok = r.status === 0
  results.push({ name, ok, s: ((Date.now() - t) / 1000).toFixed(1) })
  if (!ok) finish(1)
}

function finish(code) {
  console.log('\n=== summary ===')
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  (${r.s} s)`)
  const passed = results.filter((r) => r.ok).length
  console.log(`tiers: ${passed} passed, ${results.length - passed} failed`)
  process.exit(code)
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 2000 }, () => {
      s.end()
      resolve(true)
    })
    s.on('error', () => resolve(false))
    s.on('timeout', () => {
      s.destroy()
      resolve(false)
    })
  })
}

const pgUrl = process.env.STEPWISE_TEST_PG_URL || 'postgresql://postgres@127.0.0.1:5432/postgres'
const u = new URL(pgUrl)
const pg = await reachable(u.hostname, Number(u.port || 5432))

step('typecheck', bin('tsc'), ['--noEmit'])
step('lint', bin('eslint'), ['.', '--max-warnings=0'])
step('format (prettier --check)', bin('prettier'), ['--check', '.'])
step('unit', bin('vitest'), ['run', '--project', 'unit'])
step('integration (sqlite)', bin('vitest'), ['run', '--project', 'integration'], { STEPWISE_TEST_DB: 'sqlite' })
if (pg)
  step('integration (postgresql)', bin('vitest'), ['run', '--project', 'integration'], {
    STEPWISE_TEST_DB: 'postgresql',
    STEPWISE_TEST_PG_URL: pgUrl,
  })
else if (process.env.CI) {
  console.error(`PostgreSQL is not reachable at ${u.host} and CI=true: failing.`)
  results.push({ name: 'integration (postgresql)', ok: false, s: '0' })
  finish(1)
} else console.log(`\n*** PostgreSQL not reachable at ${u.host}: the PostgreSQL integration leg was SKIPPED. ***`)
step('build', process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'])
step('e2e (playwright, chromium)', bin('playwright'), ['test'])
finish(0)
